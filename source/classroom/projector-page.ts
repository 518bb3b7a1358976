// The projector page: one self-contained HTML file (no external assets: the room may have no
// internet), updated live over Server-Sent Events from the same port. English or Chinese.
import {messages} from '../i18n/catalog.ts';
import type {Locale} from '../i18n/locale.ts';

export function projectorPage(locale: Locale, eventsUrl: string): string {
	const w = messages(locale).projector;
	// The page's words as data for its script: finished() as a template with {n} and {of}.
	const text = {...w, finished: w.finished('{n}', '{of}')};
	return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>k8s-tutor · ${w.title}</title>
<style>
  :root { color-scheme: dark; --bg: #10141a; --fg: #f2f4f8; --dim: #8b94a3; --ok: #4cc38a; --warn: #f5b942; --bad: #ff6b6b; --bar: #263040; }
  * { box-sizing: border-box; }
  body { margin: 0; padding: 2.5vh 3vw; background: var(--bg); color: var(--fg); font: 3.2vh/1.25 system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; }
  header { display: flex; gap: 3vw; align-items: baseline; font-size: 4.2vh; margin-bottom: 2vh; flex-wrap: wrap; }
  header b { font-size: 6vh; }
  .stuck b { color: var(--bad); }
  #paused { color: var(--warn); font-weight: bold; }
  main { display: grid; grid-template-columns: 2fr 1fr; gap: 3vw; }
  .chapter { margin-bottom: 3vh; }
  .chapter h2 { margin: 0 0 .6vh; font-size: 4vh; display: flex; justify-content: space-between; gap: 2vw; }
  .chapter h2 span { color: var(--dim); font-weight: normal; }
  .bar { height: 3.2vh; background: var(--bar); border-radius: .8vh; overflow: hidden; }
  .bar div { height: 100%; background: var(--ok); transition: width .4s; }
  .histogram { display: flex; align-items: flex-end; gap: .6vw; height: 12vh; margin-top: 1.2vh; }
  .histogram div { flex: 1; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; height: 100%; font-size: 2.4vh; color: var(--dim); }
  .histogram i { display: block; width: 100%; background: var(--warn); border-radius: .5vh .5vh 0 0; min-height: 2px; transition: height .4s; }
  .histogram b { color: var(--fg); }
  .caption { color: var(--dim); font-size: 2.4vh; margin-top: .4vh; }
  aside h2 { margin: 0 0 1vh; font-size: 4vh; }
  aside li { font-size: 3.6vh; margin: .6vh 0; list-style: none; }
  /* A projector's browser may have no emoji font: the raised hand is drawn, not a character. */
  .hand { display: inline-block; width: 1.6vh; height: 1.6vh; margin-right: 1vw; border-radius: 50%; background: var(--warn); vertical-align: middle; }
  aside ul { padding: 0; margin: 0; }
  #lost { color: var(--bad); display: none; }
</style>
</head>
<body>
<header>
  <span><b id="students">0</b> ${w.students}</span>
  <span><b id="online">0</b> ${w.online}</span>
  <span class="stuck"><b id="stuck">0</b> ${w.stuck}</span>
  <span id="paused" hidden>${w.paused}</span>
  <span id="lost">${w.lost}</span>
</header>
<main>
  <section id="chapters"><p class="caption">${w.waiting}</p></section>
  <aside><h2><span class="hand"></span>${w.hands}</h2><ul id="hands"><li class="caption">${w.noHands}</li></ul></aside>
</main>
<script>
const text = ${JSON.stringify(text)};
const byId = id => document.getElementById(id);
function el(tag, attributes, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  for (const child of children || []) node.append(child);
  return node;
}
function render(room) {
  byId('students').textContent = room.students;
  byId('online').textContent = room.online;
  byId('stuck').textContent = room.stuck;
  byId('paused').hidden = !room.paused;
  const chapters = byId('chapters');
  chapters.replaceChildren(...(room.chapters.length ? room.chapters.map(chapter => {
    const share = chapter.students ? Math.round((chapter.finished / chapter.students) * 100) : 0;
    const most = Math.max(1, ...chapter.onStep);
    return el('div', {class: 'chapter', 'data-chapter': chapter.chapter}, [
      el('h2', {}, [chapter.chapterNumber + ' ' + chapter.chapter, el('span', {'data-finished': chapter.finished}, [text.finished.replace('{n}', chapter.finished).replace('{of}', chapter.students)])]),
      el('div', {class: 'bar'}, [el('div', {style: 'width:' + share + '%'})]),
      el('div', {class: 'histogram'}, chapter.onStep.map((count, index) => el('div', {'data-step': index + 1, 'data-count': count}, [el('b', {}, [String(count)]), el('i', {style: 'height:' + Math.round((count / most) * 80) + '%'}), String(index + 1)]))),
      el('div', {class: 'caption'}, [text.onStep]),
    ]);
  }) : [el('p', {class: 'caption'}, [text.waiting])]));
  const hands = byId('hands');
  hands.replaceChildren(...(room.hands.length ? room.hands.map(hand => el('li', {}, [el('span', {class: 'hand'}), (hand.name || text.aStudent) + (hand.chapter ? ' · ' + hand.chapter + ' ' + hand.step : '')])) : [el('li', {class: 'caption'}, [text.noHands])]));
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
}
const events = new EventSource(${JSON.stringify(eventsUrl)});
events.onmessage = message => { byId('lost').style.display = 'none'; render(JSON.parse(message.data)); };
events.onerror = () => { byId('lost').style.display = 'inline'; };
</script>
</body>
</html>
`;
}
