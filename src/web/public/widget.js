/*
 * Lotse widget loader: <script src="https://lotse.example.org/widget.js" defer></script>
 * Optional: data-position="left|right", data-title="…", data-lang="de|en".
 * Adds a launcher button and a chat panel holding Lotse's chat page (/embed) in an iframe, so Lotse's CSP
 * and Web Chat stay on Lotse's origin. Everything lives in a shadow root (the host page's CSS cannot
 * reach it) at the end of <body> (the host page's focus order stays as it is). No external resources,
 * no cookies; texts and the allowed sites (WIDGET_ORIGINS) are filled in by the server.
 */
(function () {
  'use strict';
  var S = /*LOTSE_SETTINGS*/ null;
  var script = document.currentScript;
  if (!script || window.__lotseWidget) return;
  window.__lotseWidget = true;
  var lotse = new URL(script.src, window.location.href).origin;
  var langAttr = script.getAttribute('data-lang') || document.documentElement.lang || 'de';
  var lang = /^en/i.test(langAttr) ? 'en' : 'de';
  var t = S.texts[lang];
  var here = window.location.origin;
  if (here !== lotse && S.widgetOrigins.indexOf(here) < 0) {
    // Polite refusal: nothing is added to the page; the operator finds the reason in the console.
    if (window.console) window.console.info('Lotse: ' + t.notAllowed + ' ' + here);
    return;
  }
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var title = script.getAttribute('data-title') || t.panelTitle;

  var css = [
    ':host { all: initial; }',
    '* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }',
    '.launcher { position: fixed; bottom: 1rem; ' +
      side +
      ': 1rem; z-index: 2147483000; display: inline-flex; align-items: center; gap: .5rem;',
    '  padding: .75rem 1.1rem; font-size: 1rem; font-weight: 600; color: #fff; background: #1d3f6e; border: 2px solid #fff; border-radius: 2rem;',
    '  box-shadow: 0 2px 8px rgba(0,0,0,.35); cursor: pointer; }',
    '.launcher:hover { background: #16325a; }',
    '.badge { display: none; min-width: .8rem; height: .8rem; border-radius: 50%; background: #ffbf47; border: 2px solid #fff; }',
    '.launcher.new .badge { display: inline-block; }',
    'button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }',
    '.panel { position: fixed; bottom: 1rem; ' + side + ': 1rem; z-index: 2147483001; display: flex; flex-direction: column;',
    '  width: min(26rem, calc(100vw - 2rem)); height: min(40rem, calc(100vh - 2rem)); background: #fff; color: #1a1a1a;',
    '  border: 1px solid #8a99ab; border-radius: 8px; box-shadow: 0 4px 24px rgba(0,0,0,.35); overflow: hidden; }',
    '.panel[hidden] { display: none; }',
    '.bar { display: flex; align-items: center; gap: .5rem; padding: .5rem .75rem; background: #1d3f6e; color: #fff; }',
    '.bar h2 { flex: 1; margin: 0; font-size: 1rem; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }',
    '.bar button { font-size: .9rem; padding: .3rem .6rem; color: #fff; background: transparent; border: 2px solid #fff; border-radius: 4px; cursor: pointer; }',
    '.bar .close { font-size: 1.1rem; line-height: 1; padding: .25rem .55rem; }',
    'iframe { flex: 1; width: 100%; border: 0; }',
    '.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }',
    '@media (max-width: 30rem), (max-height: 30rem) { .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; border: 0; } }',
  ].join('\n');

  var host = document.createElement('div');
  host.setAttribute('data-lotse-widget', '');
  var root = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    var style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text) node.textContent = text;
    return node;
  }

  var launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-label': t.launcher });
  launcher.appendChild(el('span', {}, t.launcher));
  launcher.appendChild(el('span', { class: 'badge', 'aria-hidden': 'true' }));
  var news = el('span', { class: 'sr', role: 'status' });
  var panel = el('div', { class: 'panel', role: 'dialog', 'aria-label': title, hidden: '' });
  var bar = el('div', { class: 'bar' });
  var heading = el('h2', {}, title);
  var end = el('button', { type: 'button', class: 'end' }, t.endConversation);
  var close = el('button', { type: 'button', class: 'close', 'aria-label': t.close, title: t.close }, '\u00d7');
  bar.appendChild(heading);
  bar.appendChild(end);
  bar.appendChild(close);
  panel.appendChild(bar);
  root.appendChild(launcher);
  root.appendChild(news);
  root.appendChild(panel);
  var frame = null;

  function toFrame(type) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage({ source: 'lotse-host', type: type }, lotse);
  }

  function open() {
    if (!frame) {
      frame = el('iframe', {
        title: t.chatRegion,
        src: lotse + '/embed?lang=' + lang + '&host=' + encodeURIComponent(here),
        referrerpolicy: 'no-referrer',
      });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.classList.remove('new');
    launcher.setAttribute('aria-label', t.launcher);
    news.textContent = '';
    frame.focus();
    toFrame('focus');
  }

  function shut() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', open);
  close.addEventListener('click', shut);
  end.addEventListener('click', function () {
    toFrame('end');
  });
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      shut();
    }
  });
  window.addEventListener('message', function (event) {
    if (event.origin !== lotse || !frame || event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.source !== 'lotse') return;
    if (data.type === 'escape') shut();
    if (data.type === 'ready' && !panel.hidden) toFrame('focus');
    if (data.type === 'reply' && panel.hidden) {
      launcher.classList.add('new');
      launcher.setAttribute('aria-label', t.launcherNew);
      news.textContent = t.launcherNew;
    }
  });

  function mount() {
    document.body.appendChild(host);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
