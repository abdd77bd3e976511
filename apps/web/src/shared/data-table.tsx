import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useId, useState } from 'react';
import { ScrollingTable } from './form.tsx';
import { dataTable as msg } from '../messages/shared.ts';

interface DataTableProps<Row> {
  /** The table's caption, also the name of its scrolling region. */
  readonly caption: string;
  readonly rows: readonly Row[];
  readonly columns: readonly ColumnDef<Row>[];
  /** How many rows the filter found, in words: `(n) => count(n, 'facture')`. */
  readonly counted: (n: number) => string;
  /** The filter field's hint: what a search can match, with an example. */
  readonly filterHint: string;
  readonly pageSize?: number;
  readonly initialSorting?: SortingState;
}

/** The ticked ids with one id ticked or unticked. */
export function toggled(chosen: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(chosen);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** A column of check boxes for a bulk action on the rows ticked; `label` names each box. */
export function tickColumn<Row extends { readonly id: string }>(
  chosen: ReadonlySet<string>,
  onChoose: (ids: ReadonlySet<string>) => void,
  label: (row: Row) => string,
): ColumnDef<Row> {
  return {
    id: 'tick',
    header: msg.cocher,
    enableSorting: false,
    enableGlobalFilter: false,
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={label(row.original)}
        checked={chosen.has(row.original.id)}
        onChange={(e) => onChoose(toggled(chosen, row.original.id, e.target.checked))}
      />
    ),
  };
}

const SORT_WORDS = { asc: msg.croissant, desc: msg.decroissant } as const;

/**
 * A staff list as a table (TanStack Table): a search over every column, sorting by a click on a
 * column's heading (announced with aria-sort), and pages of `pageSize` rows.
 */
export function DataTable<Row>({
  caption,
  rows,
  columns,
  counted,
  filterHint,
  pageSize = 10,
  initialSorting = [],
}: DataTableProps<Row>) {
  const id = useId();
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [filter, setFilter] = useState('');
  const table = useReactTable<Row>({
    data: rows as Row[],
    columns: [...columns],
    state: { sorting, globalFilter: filter },
    initialState: { pagination: { pageIndex: 0, pageSize } },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: 'includesString',
    // A click sorts up first, numbers too.
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });
  const found = table.getFilteredRowModel().rows.length;
  const { pageIndex } = table.getState().pagination;
  const pages = Math.max(1, table.getPageCount());
  return (
    <div className="data-table">
      <div className="field">
        <label htmlFor={`${id}-filter`}>{msg.rechercherDans(caption)}</label>
        <p className="hint" id={`${id}-hint`}>
          {filterHint}
        </p>
        <input
          id={`${id}-filter`}
          type="search"
          aria-describedby={`${id}-hint ${id}-found`}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            table.setPageIndex(0);
          }}
        />
      </div>
      <p id={`${id}-found`} role="status">
        {counted(found)}
        {pages > 1 ? msg.pageSur(pageIndex + 1, pages) : ''}
      </p>
      <ScrollingTable label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const title = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="sort"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {title}
                          <span aria-hidden="true">
                            {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}
                          </span>
                          <span className="visually-hidden">
                            {sorted ? msg.tri(SORT_WORDS[sorted]) : msg.trier}
                          </span>
                        </button>
                      ) : (
                        title
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      {pages > 1 ? (
        <nav className="actions" aria-label={msg.pages(caption)}>
          <button
            type="button"
            className="secondary"
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.previousPage()}
          >
            {msg.pagePrecedente}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!table.getCanNextPage()}
            onClick={() => table.nextPage()}
          >
            {msg.pageSuivante}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
