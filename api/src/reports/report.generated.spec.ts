import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_TYPES_FILE } from './report.codegen';

const ROOT = join(__dirname, '../../..');
// codegen and prettier load ESM modules, which jest cannot: a child process prints what they would write
const GENERATE = `
  const { loadCodegenConfig, generate } = await import('@graphql-codegen/cli');
  const prettier = await import('prettier');
  const { config } = await loadCodegenConfig({ configFilePath: 'api/src/reports/report.codegen.ts' });
  const [out] = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
  const file = ${JSON.stringify(REPORT_TYPES_FILE)};
  process.stdout.write(await prettier.format(out.content, { ...(await prettier.resolveConfig(file)), filepath: file }));
`;

describe('report types', () => {
  it('report.generated.ts is what codegen makes of report.query.ts and the current schema', () => {
    const expected = execFileSync(process.execPath, ['--input-type=module', '-e', GENERATE], { cwd: ROOT, encoding: 'utf8' });
    // when this fails: npx graphql-codegen --config api/src/reports/report.codegen.ts && npx prettier --write api/src/reports/report.generated.ts
    expect(readFileSync(join(ROOT, REPORT_TYPES_FILE), 'utf8')).toBe(expected);
  });
});
