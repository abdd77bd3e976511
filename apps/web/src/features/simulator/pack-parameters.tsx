import type { PackParameter } from '@entraide/rules';
import { ScrollingTable } from '../../shared/form.tsx';
import { packParameters as msg } from '../../messages/simulator.ts';

/** A parameter's value as the brochure writes it: « 86,2555 % », « 3 000 € », « oui ». */
export function parameterText(parameter: Pick<PackParameter, 'kind' | 'unit' | 'value'>): string {
  const { value, unit } = parameter;
  const written = Array.isArray(value)
    ? value.join(', ')
    : typeof value === 'boolean'
      ? value
        ? msg.oui
        : msg.non
      : String(value).replace('.', ',');
  return unit && parameter.kind !== 'list' ? `${written} ${unit}` : written;
}

/** Sections in the pack's order, each with its parameters. */
export function bySection(parameters: readonly PackParameter[]): [string, PackParameter[]][] {
  const sections = new Map<string, PackParameter[]>();
  for (const parameter of parameters) {
    const list = sections.get(parameter.section);
    if (list) list.push(parameter);
    else sections.set(parameter.section, [parameter]);
  }
  return [...sections];
}

/** Every parameter of a pack, by section, with its value and its source note. */
export function ParametersTable({ parameters }: { readonly parameters: readonly PackParameter[] }) {
  return (
    <>
      {bySection(parameters).map(([section, list]) => (
        <ScrollingTable key={section} label={section}>
          <table>
            <caption>{section}</caption>
            <thead>
              <tr>
                <th scope="col">{msg.parametre}</th>
                <th scope="col">{msg.valeur}</th>
                <th scope="col">{msg.source}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.path}>
                  <th scope="row">{p.label}</th>
                  <td>{parameterText(p)}</td>
                  <td>{p.source ?? msg.sansSource}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      ))}
    </>
  );
}
