import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportModel, renderMarkdown, TemplateError, type ReportModel } from '../../src/report/index.js';
import { SAMPLE_ROOT, seed001 } from '../fixtures/report/seed-001.js';

const dirs: string[] = [];
function templatesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hows-templates-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterAll(() => {
  // mkdtemp folders under the OS temp dir; left for the OS to clean (no recursive delete in tests).
});

const model: ReportModel = buildReportModel({ ...seed001(), displayTz: 'Australia/Brisbane', all: false, sampleRoot: SAMPLE_ROOT });

describe('--templates <dir>', () => {
  it('replaces a built-in report template', () => {
    const dir = templatesDir({ 'timeline.md.hbs': '# Our timeline ({{clock.label}})\n{{#each timeline.rows}}\n- {{#if time}}{{time.clock}}{{/if}} {{what}}\n{{/each}}\n' });
    const md = renderMarkdown(model, 'timeline', { templatesDir: dir });
    expect(md.split('\n').slice(0, 3)).toEqual(['# Our timeline (AEST (UTC+10))', '- 19:16:07 connection1:0: detected conn error (1020)', '- 19:16:14 IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready']);
    expect(md).not.toContain('| Time |');
  });

  it('falls back to the built-in template and partials for what the directory does not have', () => {
    const dir = templatesDir({ 'partials/contrast.hbs': 'CONTRAST {{finding.ref}}: {{why}}\n\n' });
    const md = renderMarkdown(model, 'pir', { templatesDir: dir });
    expect(md).toContain('CONTRAST F001: The iSCSI connection 1:0 on k8s02 dropped at 19:16:07 AEST');
    expect(md).toContain("## Root Causes: The Infinite How's Chain");
    expect(md).toContain('### How did the filesystem on sdb go read-only?');
    expect(md).toBe(renderMarkdown(model, 'pir').replace(/\*\*F001 iSCSI link flap[\s\S]*?(?=## How Was This Not Detected\?)/, 'CONTRAST F001: The iSCSI connection 1:0 on k8s02 dropped at 19:16:07 AEST and came back (link up after 7s): the targets stayed up, so nothing failed.\n\n'));
  });

  it('escapes {{value}} and {{{value}}} alike: no template can print log text raw', () => {
    const m = structuredClone(model);
    m.timeline.rows[0]!.what = '<script>x</script> | `y`';
    const dir = templatesDir({ 'timeline.md.hbs': '{{timeline.rows.0.what}}\n{{{timeline.rows.0.what}}}\n{{text timeline.rows.0.what}}\n{{code timeline.rows.0.what}}\n' });
    expect(renderMarkdown(m, 'timeline', { templatesDir: dir })).toBe(
      ['\\<script\\>x\\</script\\> \\| \\`y\\`', '\\<script\\>x\\</script\\> \\| \\`y\\`', '\\<script\\>x\\</script\\> \\| \\`y\\`', '`` <script>x</script> | `y` ``', ''].join('\n'),
    );
  });

  it('gives templates no way to run code or reach prototypes', () => {
    const dir = templatesDir({
      'timeline.md.hbs': '[{{constructor}}][{{timeline.constructor}}][{{lookup timeline "__proto__"}}][{{lookup timeline "constructor"}}]\n',
    });
    expect(renderMarkdown(model, 'timeline', { templatesDir: dir })).toBe('[][][][]\n');
    const attempts = [
      '{{log "x"}}',
      '{{constructor.constructor "return process"}}',
      '{{#with timeline}}{{constructor.name}}{{/with}}',
      '{{#join timeline.rows}}x{{/join}}',
      '{{#lookup timeline "mode"}}{{/lookup}}',
    ];
    for (const t of attempts) {
      expect(() => renderMarkdown(model, 'timeline', { templatesDir: templatesDir({ 'timeline.md.hbs': t }) }), t).toThrow(TemplateError);
    }
  });

  it('reports a misspelt field or a broken template with its file', () => {
    const dir = templatesDir({ 'pir.md.hbs': '{{incident.titel}}\n' });
    expect(() => renderMarkdown(model, 'pir', { templatesDir: dir })).toThrow(/pir\.md\.hbs: .*titel/);
    const broken = templatesDir({ 'partials/chain.hbs': '{{#each steps}}\n' });
    expect(() => renderMarkdown(model, 'pir', { templatesDir: broken })).toThrow(new RegExp(`${path.join(broken, 'partials', 'chain.hbs').replace(/[/\\.]/g, '\\$&')}: Parse error`));
  });

  it('refuses a templates directory that does not exist', () => {
    expect(() => renderMarkdown(model, 'pir', { templatesDir: '/nonexistent/hows-templates' })).toThrow(/not a directory/);
  });
});
