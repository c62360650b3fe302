// Fails when src/api/schema.d.ts is not what openapi-typescript makes of ../openapi/openapi.json,
// so a contract change cannot reach the SPA without its types (run `npm run generate`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src/api/schema.d.ts');
const dir = mkdtempSync(join(tmpdir(), 'koers-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/openapi-typescript/bin/cli.js'), '../openapi/openapi.json', '-o', fresh],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let current = '';
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== readFileSync(fresh, 'utf8')) {
    console.error(
      'src/api/schema.d.ts is stale: it does not match ../openapi/openapi.json. Run `npm run generate` and commit it.',
    );
    process.exit(1);
  }
  console.log('src/api/schema.d.ts matches ../openapi/openapi.json.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
