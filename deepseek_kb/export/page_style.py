"""The page's inline stylesheet: calm, light, readable from a 390 px phone to a desktop.

The zh/en switch is two radio inputs in the bar; `body:has(…:checked)` hides the other language
without a script (a browser without :has shows both). Wide tables scroll in their own box.
"""

STYLE = """
:root {
  color-scheme: light;
  --fg: #1d2127; --muted: #5c636d; --line: #e2e5e9; --bg: #fafaf8; --card: #fff;
  --accent: #2456a4; --accent-bg: #edf2fa; --head: #f3f5f8; --mark: #fff6cc;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-padding-top: 4.5rem; }
body {
  margin: 0; background: var(--bg); color: var(--fg); overflow-wrap: break-word;
  font: 16px/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", sans-serif;
}
.lang { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
body:has(#lang-en:checked) .zh, body:has(#lang-zh:checked) .en { display: none; }

.bar {
  position: sticky; top: 0; z-index: 3; display: flex; align-items: center; gap: .75rem;
  padding: .5rem 1rem; background: rgba(250, 250, 248, .96); border-bottom: 1px solid var(--line);
}
.home { font-weight: 700; color: var(--fg); text-decoration: none; flex: none; }
.bar nav {
  display: flex; gap: .15rem; flex: 1; min-width: 0; overflow-x: auto; white-space: nowrap;
  scrollbar-width: none;
}
.bar nav::-webkit-scrollbar { display: none; }
.bar nav a {
  padding: .2rem .55rem; border-radius: .4rem; color: var(--muted); text-decoration: none;
  font-size: .9rem;
}
.bar nav a:hover { background: var(--accent-bg); color: var(--accent); }
.switch { display: flex; flex: none; border: 1px solid var(--line); border-radius: 999px; overflow: hidden; }
.switch label { padding: .15rem .7rem; font-size: .85rem; cursor: pointer; color: var(--muted); }
.lang:checked + label { background: var(--accent); color: #fff; }
.lang:focus-visible + label { outline: 2px solid var(--accent); outline-offset: -2px; }

main { max-width: 76rem; margin: 0 auto; padding: .5rem 1rem 4rem; }
h1 { font-size: 2rem; line-height: 1.25; margin: 1.5rem 0 .75rem; }
h2 {
  font-size: 1.45rem; line-height: 1.3; margin: 3rem 0 1rem; padding-bottom: .35rem;
  border-bottom: 2px solid var(--line);
}
h3 { font-size: 1.1rem; line-height: 1.35; margin: 1.75rem 0 .6rem; }
h3.entry { font-size: 1.02rem; margin: 0; display: inline; }
p { margin: .35rem 0; }
a { color: var(--accent); }
.lead, .dated, .terms, .sources, .notes { max-width: 48rem; }
.lead { font-size: 1.05rem; }
.muted, .basis { color: var(--muted); }
.basis { font-size: .85em; }
:target { background: var(--mark); }

.cites { font-size: .72rem; line-height: 1.9; }
.cites a {
  white-space: nowrap; margin-right: .2rem; padding: .05rem .35rem; border-radius: .3rem;
  background: var(--accent-bg); text-decoration: none; vertical-align: .1rem;
}
.cites a:hover { text-decoration: underline; }

.scroll {
  overflow-x: auto; max-width: 100%; margin: 1rem 0; border: 1px solid var(--line);
  border-radius: .6rem;
  /* a shadow on the right edge while more columns lie beyond it (it scrolls away at the end) */
  background:
    linear-gradient(to left, var(--card) 40%, rgba(255, 255, 255, 0)) right / 2.5rem 100% no-repeat local,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, .16), rgba(0, 0, 0, 0)) right / .9rem 100% no-repeat scroll,
    var(--card);
}
.compare {
  --label: 9.5rem; --col: 13rem; table-layout: fixed; border-collapse: separate; border-spacing: 0;
  width: calc(var(--label) + var(--cols) * var(--col)); font-size: .9rem; line-height: 1.45;
}
.compare col { width: var(--col); }
.compare col.label { width: var(--label); }
.compare th, .compare td {
  padding: .5rem .65rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line);
}
.compare thead th { background: var(--head); font-size: .95rem; }
.compare th[scope=row], .compare thead th:first-child {
  position: sticky; left: 0; z-index: 1; background: var(--card); font-weight: 600;
  box-shadow: inset -1px 0 0 var(--line); overflow-wrap: normal; hyphens: auto;
}
.compare thead th:first-child { background: var(--head); }
.compare tr.group th {
  background: var(--head); color: var(--muted); font-size: .78rem; letter-spacing: .04em;
  text-transform: uppercase; padding: .3rem .65rem;
}
.compare tr.group th > span { position: sticky; left: .65rem; display: inline-block; }
.compare td.none { color: #b3b8bf; }
.compare .cites { display: block; margin-top: .15rem; }
.compare .cites a { white-space: normal; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.dagger { font-size: .75em; margin-left: .1rem; }
.dagger a, .notes .back { text-decoration: none; font-weight: 600; }
.notes { font-size: .92rem; padding-left: 0; list-style: none; }
.notes li { margin: .6rem 0; }
s { color: var(--muted); }
.was { font-size: .88rem; color: var(--muted); }

.dated { list-style: none; padding: 0; margin: 0; }
.dated > li {
  display: grid; grid-template-columns: 8.5rem minmax(0, 1fr); gap: .15rem 1rem; padding: .8rem 0;
  border-bottom: 1px solid var(--line);
}
.what, .card, .quote, .terms dd { overflow-wrap: anywhere; }
.when { color: var(--muted); font-size: .9rem; font-variant-numeric: tabular-nums; padding-top: .1rem; }

.cards {
  display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr));
}
.card, .quote {
  margin: 0; padding: .9rem 1.1rem; background: var(--card); border: 1px solid var(--line);
  border-radius: .6rem;
}
.card ul { padding-left: 1.1rem; margin: .4rem 0 0; font-size: .94rem; }
.card p.muted { font-size: .9rem; }
.card h3 time { font-weight: 400; font-size: .88rem; margin-left: .3rem; }
.quote blockquote { margin: 0; }
.quote blockquote p:first-child { font-size: 1.06rem; }
.translation { color: #3b4048; font-style: italic; }
.quote figcaption { margin-top: .5rem; font-size: .9rem; }
.repo { font-size: .9rem; }

.terms dt { font-weight: 600; margin-top: 1rem; }
.terms dd { margin: .2rem 0 0; }
.sources { padding-left: 0; list-style: none; font-size: .94rem; }
.sources li { margin: .55rem 0; }
.sources code { font-size: .85em; background: var(--head); padding: .05rem .3rem; border-radius: .25rem; }
.url { font-size: .8rem; color: var(--muted); word-break: break-all; }

.search { max-width: 48rem; margin: 1.25rem 0 .5rem; }
.search label { display: block; font-weight: 600; margin-bottom: .3rem; }
.search input {
  width: 100%; font: inherit; padding: .55rem .8rem; border: 1px solid #8a919b;
  border-radius: .5rem; background: var(--card); color: var(--fg);
}
.search input:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.search .hint { font-size: .88rem; }
.hits {
  list-style: none; padding: 0; margin: .4rem 0 0; max-height: 24rem; overflow-y: auto;
  border: 1px solid var(--line); border-radius: .5rem; background: var(--card);
}
.hits li { padding: .4rem .8rem; border-bottom: 1px solid var(--line); }
.hits .kind {
  display: inline-block; min-width: 4.5rem; margin-right: .5rem; font-size: .75rem;
  color: var(--muted); text-transform: uppercase; letter-spacing: .03em;
}
[hidden] { display: none !important; }

@media (max-width: 40rem) {
  body { font-size: 15.5px; }
  h1 { font-size: 1.6rem; }
  .bar { gap: .25rem .5rem; padding: .45rem .75rem; flex-wrap: wrap; }
  .home { flex: 1; }
  .bar nav {
    order: 3; flex: 1 0 100%; margin: 0 -.4rem;
    mask-image: linear-gradient(to right, #000 85%, transparent);
  }
  main { padding: .25rem .85rem 3rem; }
  .dated > li { grid-template-columns: minmax(0, 1fr); }
  .compare { --label: 7.25rem; --col: 11.5rem; font-size: .86rem; }
  .compare th, .compare td { padding: .45rem .5rem; }
}
"""
