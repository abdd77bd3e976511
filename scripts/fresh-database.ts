// CI helper: `create URL` makes a new empty database on the server of URL and prints its URL;
// `drop URL` removes it. The suite then runs against that fresh database.
import pg from 'pg';

const [action, url] = process.argv.slice(2);
if (!url || (action !== 'create' && action !== 'drop')) {
  console.error('usage: npx tsx scripts/fresh-database.ts create|drop postgres://…');
  process.exit(2);
}
const target = new URL(url);
const admin = new URL(url);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
if (action === 'create') {
  const name = `entraide_ci_${Date.now()}_${process.pid}`;
  await client.query(`CREATE DATABASE ${name}`);
  target.pathname = `/${name}`;
  console.log(target.toString());
} else {
  await client.query(`DROP DATABASE IF EXISTS ${target.pathname.slice(1)} WITH (FORCE)`);
}
await client.end();
