/** The HTML report's stylesheet: system fonts only, nothing fetched; status colours always paired with text. */
export const htmlReportCss = String.raw`
:root {
  --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --bg: #ffffff; --bg-soft: #f6f8fa; --accent: #0969da;
  --passed: #1a7f37; --passed-bg: #dafbe1; --failed: #cf222e; --failed-bg: #ffebe9;
  --skipped: #59636e; --skipped-bg: #eaeef2; --observed: #0969da; --observed-bg: #ddf4ff; --incomplete: #9a6700; --incomplete-bg: #fff8c5;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.wrap { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 0; }
h1 { font-size: 22px; font-weight: 600; }
h2 { font-size: 18px; font-weight: 600; margin-bottom: 12px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 16px; font-weight: 600; }
h4 { font-size: 14px; font-weight: 600; }
h5 { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 4px; }
h6 { font-size: 12px; font-weight: 600; color: var(--muted); margin: 8px 0 2px; }
code, pre { font-family: var(--mono); font-size: 12.5px; }
pre { margin: 0; padding: 8px 10px; background: var(--bg-soft); border: 1px solid var(--border); border-radius: 6px; overflow: auto; max-height: 28em; white-space: pre-wrap; word-break: break-word; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.muted { color: var(--muted); }
.section { margin: 28px 0; }

.page-header { background: var(--bg-soft); border-bottom: 1px solid var(--border); padding: 18px 0 0; }
.verdict-line { margin: 8px 0 10px; }
.verdict { font-weight: 600; padding: 2px 10px; border-radius: 999px; margin-right: 6px; }
.verdict-fail { color: var(--failed); background: var(--failed-bg); border: 1px solid var(--failed); }
.verdict-pass { color: var(--passed); background: var(--passed-bg); border: 1px solid var(--passed); }
.toc { display: flex; gap: 18px; flex-wrap: wrap; }
.toc a { padding: 6px 0 8px; color: var(--fg); border-bottom: 2px solid transparent; }
.toc a:hover { border-bottom-color: var(--accent); text-decoration: none; }

.badge { display: inline-block; min-width: 7.2em; text-align: center; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; border: 1px solid; white-space: nowrap; }
.badge-passed { color: var(--passed); background: var(--passed-bg); }
.badge-failed { color: var(--failed); background: var(--failed-bg); }
.badge-skipped { color: var(--skipped); background: var(--skipped-bg); }
.badge-observed { color: var(--observed); background: var(--observed-bg); }
.badge-incomplete { color: var(--incomplete); background: var(--incomplete-bg); }
.level { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 4px; border: 1px solid var(--border); color: var(--muted); }
.level-MUST { color: var(--fg); border-color: var(--fg); }
.tag { font-size: 11px; padding: 0 6px; border-radius: 4px; background: var(--skipped-bg); color: var(--muted); }

.tiles { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 12px; margin-bottom: 16px; }
.tile { border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; display: flex; flex-direction: column; gap: 4px; }
.tile-n { font-size: 26px; font-weight: 600; line-height: 1.1; font-variant-numeric: tabular-nums; }
.tile-label { color: var(--muted); font-weight: 600; }
.tile-failed { border-top: 4px solid var(--failed); }
.tile-passed { border-top: 4px solid var(--passed); }
.tile-skipped { border-top: 4px solid var(--skipped); }
.tile-observed { border-top: 4px solid var(--observed); }
.tile-incomplete { border-top: 4px solid var(--incomplete); }
.tile-total { border-top: 4px solid var(--fg); }
.chart { margin: 0; max-width: 760px; }
.chart svg { display: block; height: auto; font-family: inherit; }
.chart-label { font-size: 14px; font-weight: 600; fill: var(--fg); }
.chart-total, .seg-count { font-size: 12px; }
.chart-total { fill: var(--muted); }
.seg-count { fill: #fff; font-weight: 600; }
.seg-passed { fill: var(--passed); } .seg-failed { fill: var(--failed); }
.seg-skipped { fill: #8c959f; } .seg-observed { fill: var(--observed); } .seg-incomplete { fill: #d4a72c; } .seg-empty { fill: var(--skipped-bg); }
.legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); margin-top: 4px; padding-left: 4px; }
.legend-item { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 12px; height: 12px; border-radius: 3px; display: inline-block; }
.swatch-passed { background: var(--passed); } .swatch-failed { background: var(--failed); }
.swatch-skipped { background: #8c959f; } .swatch-observed { background: var(--observed); } .swatch-incomplete { background: #d4a72c; }

.run-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 12px; }
.run-card { border: 1px solid var(--border); border-radius: 8px; padding: 12px 16px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; word-break: break-all; }
.counts { display: flex; gap: 12px; margin: 0; font-size: 12px; font-weight: 600; }
.count-passed { color: var(--passed); } .count-failed { color: var(--failed); }
.count-skipped { color: var(--skipped); } .count-observed { color: var(--observed); } .count-incomplete { color: var(--incomplete); }

.failures { border: 1px solid var(--failed); border-left: 4px solid var(--failed); border-radius: 6px; padding: 12px 16px; background: #fffafa; }
.failures h2 { color: var(--failed); border: 0; padding: 0; }
.failures ol { margin: 0; padding-left: 20px; }
.failures li { margin: 4px 0; }

.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; padding: 10px 12px; margin-bottom: 12px; background: var(--bg-soft); border: 1px solid var(--border); border-radius: 8px; }
.status-filter { border: 0; margin: 0; padding: 0; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.status-filter legend { float: left; margin-right: 6px; font-weight: 600; }
.filter-status { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
.filter-status .n { color: var(--muted); font-variant-numeric: tabular-nums; }
.text-filter { display: inline-flex; align-items: center; gap: 6px; font-weight: 600; }
.text-filter input { font: inherit; font-weight: 400; padding: 4px 8px; width: 18em; border: 1px solid var(--border); border-radius: 6px; }
button { font: inherit; font-size: 12px; padding: 3px 10px; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); cursor: pointer; }
button:hover { background: var(--bg-soft); border-color: var(--muted); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.toolbar-buttons { display: inline-flex; gap: 6px; }

.vendor-rules { margin-bottom: 24px; }
.vendor-rules > h3 { margin: 18px 0 6px; }
.matrix-head, .rule-row { display: grid; grid-template-columns: 8.2em 5.8em minmax(14em, 2fr) 3fr 5em; gap: 10px; align-items: center; }
.matrix-head { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); padding: 4px 12px 4px 30px; }
.area { border: 1px solid var(--border); border-radius: 8px; margin-bottom: 10px; overflow: hidden; }
.area > h4 { padding: 6px 12px; background: var(--bg-soft); border-bottom: 1px solid var(--border); font-family: var(--mono); font-size: 13px; }
.area-counts { font-family: system-ui, sans-serif; font-weight: 400; color: var(--muted); font-size: 12px; margin-left: 6px; }
.area-failed { color: var(--failed); font-weight: 600; }
.rule { border-top: 1px solid var(--border); scroll-margin-top: 130px; }
.area > h4 + .rule { border-top: 0; }
.rule-failed { border-left: 4px solid var(--failed); background: #fffafa; }
.rule > summary { list-style: none; cursor: pointer; padding: 6px 12px 6px 12px; position: relative; padding-left: 30px; }
.rule > summary::-webkit-details-marker { display: none; }
.rule > summary::before { content: "▸"; position: absolute; left: 12px; color: var(--muted); }
.rule[open] > summary::before { content: "▾"; }
.rule > summary:hover { background: var(--bg-soft); }
.rule-id { font-size: 12.5px; word-break: break-all; }
.rule-title { overflow: hidden; }
.rule-time { color: var(--muted); font-size: 12px; text-align: right; font-variant-numeric: tabular-nums; }
.rule-body { padding: 6px 16px 14px 30px; display: grid; gap: 12px; border-top: 1px dashed var(--border); }
.block { min-width: 0; }
.block blockquote { margin: 4px 0 0; padding: 4px 12px; border-left: 3px solid var(--border); color: var(--fg); }
.sources { margin: 0; padding-left: 18px; }
.failure { border-left: 3px solid var(--failed); padding-left: 12px; }
.failure .block-title { color: var(--failed); }
.failure h5 { margin-top: 8px; }
.compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 10px; }
.compare > div { min-width: 0; }
.failure-message { font-weight: 600; color: var(--failed); margin: 0; white-space: pre-wrap; }
.label { color: var(--muted); font-size: 12px; font-weight: 600; margin-right: 2px; }
.facts { margin: 0 0 6px; display: flex; gap: 18px; flex-wrap: wrap; }
.replay { display: flex; gap: 8px; align-items: stretch; }
.replay-command { flex: 1; display: block; padding: 6px 10px; background: #24292f; color: #f6f8fa; border-radius: 6px; white-space: pre-wrap; word-break: break-all; }
.reason { margin: 0; }
.exchange { border: 1px solid var(--border); border-radius: 6px; margin: 6px 0; padding: 0 10px; }
.exchange > summary { cursor: pointer; padding: 4px 0; font-family: var(--mono); font-size: 12.5px; word-break: break-all; }
.exchange[open] { padding-bottom: 10px; }
.method { font-weight: 600; }
.http-status { font-weight: 600; }
.error-text { color: var(--failed); }

table.observed { width: 100%; border-collapse: collapse; }
.observed th, .observed td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--border); }
.observed th { font-size: 12px; color: var(--muted); }
.observed td:first-child { width: 32%; }
.observed td:nth-child(2) { width: 9em; }
.created-vendor { margin-bottom: 14px; }
ul.created { margin: 6px 0; padding-left: 20px; columns: 2; }
.page-footer { color: var(--muted); font-size: 12px; padding-top: 12px; padding-bottom: 32px; border-top: 1px solid var(--border); }

@media (max-width: 900px) {
  .tiles { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .matrix-head { display: none; }
  .rule-row { grid-template-columns: 8.2em 5.8em 1fr; }
  .rule-title { grid-column: 1 / -1; }
  .rule-time { display: none; }
  ul.created { columns: 1; }
}
@media print {
  body { font-size: 11px; }
  .badge, .tile, .swatch, .verdict, svg rect, .rule-failed, .failure { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .wrap { max-width: none; padding: 0; }
  .toc, .toolbar, button, .matrix-head { display: none !important; }
  .page-header { background: none; }
  .toolbar { position: static; }
  pre { max-height: none; overflow: visible; }
  .rule > summary { break-inside: avoid; }
  .rule > summary::before, .rule[open] > summary::before { content: ""; }
  .rule > summary { padding-left: 12px; }
  .rule-body { padding-left: 12px; }
  .replay-command { background: none; color: var(--fg); border: 1px solid var(--border); }
  a { color: inherit; }
  .section { break-inside: auto; }
  .failures, .rule-failed { background: none; }
}
`;
