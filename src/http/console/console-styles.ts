/**
 * The console's stylesheet (inlined into the page: one request fewer, and it reaches dist as TS).
 * Colours keep text at WCAG AA contrast (4.5:1 or more) against their backgrounds; pod states differ by
 * colour and by their label text, never by colour alone. Below 40rem the layout becomes one column.
 */
export const CONSOLE_CSS = `
:root{--fg:#1b1f24;--muted:#4b5563;--bg:#fff;--line:#d0d7de;--panel:#f6f8fa;--accent:#0a58ca;--danger:#b42318;
--pending:#e5e7eb;--creating:#cfe2ff;--notready:#ffe8a3;--ready:#b7ebc6;--terminating:#e9d5ff;--failing:#fecaca;--done:#f3f4f6}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}#main:focus{outline:none}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:10}
.top{display:flex;gap:1rem;align-items:center;padding:.6rem 1rem;background:#0d1b2a;color:#fff;flex-wrap:wrap}
.top a{color:#fff;text-decoration:none;padding:.2rem .5rem;border-radius:4px}
.top a[aria-current=page]{background:#1f3a5f}
.brand{font-weight:700;font-size:1.1rem}.version{margin-left:auto;color:#cbd5e1;font-size:.85rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.2rem 0 .8rem}h2{font-size:1.15rem;margin:1.2rem 0 .5rem}h3{font-size:1rem;margin:.8rem 0 .3rem}
.bar{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end;margin-bottom:1rem}
label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted);gap:.15rem}
input,select,button,textarea{font:inherit;color:var(--fg)}
input,select{padding:.35rem .5rem;border:1px solid #8c959f;border-radius:6px;background:#fff;min-width:10rem}
#filter{min-width:18rem}
button{padding:.35rem .8rem;border:1px solid #8c959f;border-radius:6px;background:var(--panel);cursor:pointer}
button:hover{background:#eaeef2}button.danger{color:var(--danger);border-color:var(--danger)}
button.primary{background:var(--accent);color:#fff;border-color:var(--accent)}
.drop{border:2px dashed #8c959f;border-radius:8px;padding:1rem;text-align:center;color:var(--muted);margin-bottom:1rem}
.drop.over{border-color:var(--accent);background:#eef4ff;color:var(--fg)}
.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));gap:.8rem}
.card{border:1px solid var(--line);border-radius:8px;padding:.8rem;display:flex;gap:.8rem;align-items:flex-start}
.card img,.icon{width:44px;height:44px;object-fit:contain;flex:none;border-radius:6px;background:var(--panel)}
.icon{display:flex;align-items:center;justify-content:center;font-weight:700;color:var(--muted)}
.card h2{margin:0;font-size:1.05rem}.meta{color:var(--muted);font-size:.85rem}
.tabs{display:flex;gap:.3rem;border-bottom:1px solid var(--line);margin:1rem 0 .6rem;flex-wrap:wrap}
.tabs button{border:none;border-bottom:3px solid transparent;border-radius:0;background:none}
.tabs button[aria-selected=true]{border-bottom-color:var(--accent);font-weight:600}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.7rem;overflow-x:auto;font-size:.85rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.cmd{display:flex;gap:.5rem;align-items:flex-start;margin:.3rem 0}.cmd pre{flex:1;margin:0}
.readme img{max-width:100%}.table-scroll{overflow-x:auto;max-width:100%}.readme th,.readme td{border:1px solid var(--line)}
.install textarea{width:100%;font-family:ui-monospace,monospace}.install{margin:1rem 0}.install .bar label{flex:1 1 14rem}.install .bar{align-items:flex-start}.install details{flex:1 1 100%}details summary{cursor:pointer;color:var(--muted);font-size:.85rem}
.tenants{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.4rem}.tenants a{display:block;padding:.2rem .6rem;border:1px solid var(--line);border-radius:6px;text-decoration:none}
.tenants a[aria-current=page]{background:var(--accent);color:#fff;border-color:var(--accent)}#helm-history{tab-size:8}
.tool-text{display:flex;flex-direction:column;gap:1rem;margin-top:1rem}.tool-text pre{font-size:.8rem}.tool-text section:empty{display:none}
table{border-collapse:collapse;font-size:.85rem}th,td{text-align:left;padding:.25rem .6rem;border-bottom:1px solid var(--line)}
.workload{border:1px solid var(--line);border-radius:8px;padding:.8rem;margin-bottom:1rem}
.workload h2{margin:0 0 .3rem}.counters{display:flex;gap:1rem;flex-wrap:wrap;font-size:.9rem}
.counters{margin:.3rem 0}.counters div{display:flex;gap:.35rem;align-items:baseline}.counters dt{color:var(--muted);font-size:.8rem}.counters dd{margin:0}.counters b{font-variant-numeric:tabular-nums}
.clock-time{align-self:center}
.rs{margin:.6rem 0;padding-left:.6rem;border-left:3px solid var(--line)}.rs.old{opacity:.85}
.pods{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.4rem}
.pod{border:1px solid #6b7280;border-radius:6px;padding:.3rem .5rem;font-size:.78rem;min-width:11rem;max-width:100%;overflow-wrap:anywhere}
.pod .state{font-weight:700}
.pod.pending{background:var(--pending)}.pod.creating{background:var(--creating)}.pod.notready{background:var(--notready)}
.pod.ready{background:var(--ready)}.pod.terminating{background:var(--terminating);border-style:dashed}
.pod.failing{background:var(--failing);border-color:var(--danger)}.pod.done{background:var(--done)}
.legend{display:flex;gap:.4rem;flex-wrap:wrap;list-style:none;padding:0;margin:.4rem 0}.legend .pod{min-width:0}
.cluster-grid{display:grid;grid-template-columns:minmax(0,1fr) 28rem;gap:1rem;align-items:start}
.side{display:flex;flex-direction:column;gap:1rem;min-width:0}.actions{border:1px solid var(--line);border-radius:8px;padding:.8rem}
.actions table{width:100%;font-size:.8rem;display:block;overflow-x:auto}.actions th,.actions td{padding:.2rem .3rem;word-break:normal;overflow-wrap:normal;white-space:nowrap}
#release-history td:nth-child(4){white-space:normal;min-width:0}#release-history td:last-child{padding-right:0}.actions textarea{width:100%;font-family:ui-monospace,monospace;font-size:.85rem}.actions td button{padding:.1rem .4rem;white-space:nowrap}.actions h2{margin-top:0}.actions form{margin-bottom:.6rem}.actions input,.actions select{min-width:0;width:100%}.actions label{flex:1 1 6rem}
#command-log{padding-left:1.2rem;max-height:16rem;overflow:auto}#command-log pre{white-space:pre-wrap;overflow-wrap:anywhere}
.timeline-figure{margin:.6rem 0 0}.timeline{width:100%;max-width:560px;height:auto;border:1px solid var(--line);border-radius:6px}
.timeline-figure figcaption{font-size:.8rem;color:var(--muted)}.timeline-legend{display:flex;gap:.6rem;flex-wrap:wrap;list-style:none;padding:0;margin:.2rem 0}.timeline-legend li{border-left:6px solid;padding-left:.3rem}
.conditions{font-size:.85rem}.events{max-height:18rem;overflow:auto}#events th,#events td{white-space:nowrap}#events td:nth-child(4){white-space:normal;overflow-wrap:anywhere;min-width:9rem}#events td:last-child{white-space:normal;min-width:14rem}
.warn{color:var(--danger)}.form-error{flex:1 1 100%;margin:0}.form-error:empty,#install-error:empty,#upgrade-error:empty{display:none}
.warn[role=alert]{white-space:pre-wrap}
#toast{position:fixed;bottom:1rem;right:1rem;max-width:min(30rem,90vw)}
#toast p{background:#0d1b2a;color:#fff;padding:.5rem .8rem;border-radius:6px;margin:.3rem 0}
#toast p.error{background:var(--danger)}
@media (max-width:60rem){.cluster-grid{grid-template-columns:minmax(0,1fr)}}
@media (max-width:40rem){main{padding:.6rem}.cards{grid-template-columns:1fr}input,select{min-width:0;width:100%}.bar label{flex:1 1 100%}
.pod{min-width:0;flex:1 1 45%}.legend .pod{flex:0 0 auto}table{display:block;overflow-x:auto}
#events tr{display:flex;flex-wrap:wrap;border-bottom:1px solid var(--line)}#events th,#events td{border-bottom:0}#events th:last-child,#events td:last-child{flex:1 1 100%;min-width:0}
#release-history tr{display:flex;flex-wrap:wrap;align-items:baseline;border-bottom:1px solid var(--line)}#release-history th,#release-history td{border-bottom:0}#release-history :is(th,td):nth-child(5){order:4;margin-left:auto}#release-history :is(th,td):nth-child(4){order:5;flex:1 1 100%}}
`;
