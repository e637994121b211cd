/*
 * Lotse web chat page (also the widget's iframe at /embed). Texts and settings are filled in by the
 * server from dialogs/texts.yaml. Local and self-hosted web mode: a small Direct Line compatible object
 * (Web Chat's DirectLineJS contract: activity$, connectionStatus$, postActivity, end) posts each user
 * activity to this server and gets the replies in the response; the transcript for a reload lives in
 * this origin's sessionStorage only. Azure mode: a token from this server, then Azure Direct Line.
 */
(function () {
  'use strict';
  var S = /*LOTSE_SETTINGS*/ null;
  var KEY = 'lotse.webchat';
  var MAX_KEPT = 200;
  var params = new URLSearchParams(window.location.search);
  var lang = params.get('lang') === 'en' ? 'en' : 'de';
  var t = S.texts[lang];
  var embedded = /\/embed$/.test(window.location.pathname);
  var hostOrigin = params.get('host');
  if (hostOrigin !== window.location.origin && S.widgetOrigins.indexOf(hostOrigin) < 0) hostOrigin = null;
  var stateLine = document.getElementById('chat-state');
  var alertBox = document.getElementById('chat-status');
  var alertText = document.getElementById('chat-status-text');
  var alertButton = document.getElementById('chat-status-action');
  var endButton = document.getElementById('chat-end');
  var session = null;
  var azureLine = null;

  document.documentElement.lang = lang;
  if (embedded) document.body.classList.add('embedded');
  document.getElementById('webchat').setAttribute('aria-label', t.chatRegion);
  if (endButton) endButton.textContent = t.endConversation;

  function toHost(type) {
    if (embedded && hostOrigin && window.parent !== window) window.parent.postMessage({ source: 'lotse', type: type }, hostOrigin);
  }

  function showState(text) {
    stateLine.textContent = text;
  }

  /** A problem the user must know about, with the one action that helps (reload, or a new conversation). */
  function showProblem(message, fresh) {
    alertText.textContent = message;
    alertButton.textContent = fresh ? t.newConversation : t.reload;
    alertButton.onclick = fresh
      ? startOver
      : function () {
          window.location.reload();
        };
    alertBox.hidden = false;
    showState(fresh ? '' : t.offline);
  }

  function load() {
    try {
      var kept = JSON.parse(window.sessionStorage.getItem(KEY) || 'null');
      if (kept && kept.conversationId && Date.now() - kept.lastActive < S.idleMinutes * 60000) return kept;
    } catch (e) {
      /* unreadable: start fresh */
    }
    forget();
    return null;
  }

  function save() {
    if (!session) return;
    session.lastActive = Date.now();
    if (session.activities.length > MAX_KEPT) session.activities = session.activities.slice(-MAX_KEPT);
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(session));
    } catch (e) {
      /* storage full or blocked: the conversation goes on, only a reload would lose it */
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch (e) {
      /* nothing stored */
    }
  }

  function api(path, body, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(path, { method: 'POST', headers: headers, body: JSON.stringify(body || {}), credentials: 'omit', cache: 'no-store' }).then(
      function (res) {
        return res.json().then(
          function (b) {
            return { status: res.status, ok: res.ok, body: b };
          },
          function () {
            return { status: res.status, ok: res.ok, body: {} };
          },
        );
      },
    );
  }

  function errorOf(r) {
    var code = r.body && r.body.error && r.body.error.code;
    var message = (r.body && r.body.error && r.body.error.message) || t.offline;
    return { code: code, message: message, fresh: r.status === 401 || r.status === 403 };
  }

  /** "Gespräch beenden": what `vergessen` does, then a fresh conversation with the welcome. */
  function startOver() {
    var ending = session;
    forget();
    session = null;
    var reloading = false;
    var done = function () {
      if (!reloading) window.location.reload();
      reloading = true;
    };
    if (!ending) return done();
    if (ending.azure) {
      // Best effort through Direct Line; the new conversation starts in any case after at most 3 s.
      setTimeout(done, 3000);
      if (azureLine)
        azureLine
          .postActivity({ type: 'message', text: t.forgetWord, from: { id: 'user', role: 'user' } })
          .subscribe({ next: done, error: done });
      return;
    }
    api(
      'api/web/conversations/' + encodeURIComponent(ending.conversationId) + '/activities',
      { type: 'message', text: t.forgetWord, locale: lang === 'en' ? 'en-US' : 'de-DE' },
      ending.token,
    ).then(done, done);
  }

  function subject(onSubscribe) {
    var observers = [];
    return {
      observers: observers,
      observable: {
        subscribe: function (next, error, complete) {
          var o = typeof next === 'function' ? { next: next, error: error, complete: complete } : next || {};
          observers.push(o);
          if (onSubscribe) onSubscribe(o);
          return {
            closed: false,
            unsubscribe: function () {
              var i = observers.indexOf(o);
              if (i >= 0) observers.splice(i, 1);
              this.closed = true;
            },
          };
        },
      },
    };
  }

  function lotseDirectLine() {
    var status = 0;
    var seen = [];
    var statusSubject = subject(function (o) {
      if (o.next) o.next(status);
    });
    var activitySubject = subject(function (o) {
      seen.forEach(function (a) {
        if (o.next) o.next(a);
      });
      if (status === 0) {
        setStatus(1);
        setStatus(2);
        showState(t.online);
      }
    });
    function setStatus(s) {
      status = s;
      statusSubject.observers.slice().forEach(function (o) {
        if (o.next) o.next(s);
      });
    }
    function emit(a, live) {
      seen.push(a);
      activitySubject.observers.slice().forEach(function (o) {
        if (o.next) o.next(a);
      });
      if (live) {
        session.activities.push(a);
        if (a.from && a.from.role === 'bot') toHost('reply');
      }
    }
    session.activities.forEach(function (a) {
      emit(a, false);
    });
    return {
      activity$: activitySubject.observable,
      connectionStatus$: statusSubject.observable,
      end: function () {
        setStatus(5);
      },
      postActivity: function (activity) {
        return {
          subscribe: function (next, error, complete) {
            var o = typeof next === 'function' ? { next: next, error: error, complete: complete } : next || {};
            var fail = function (err) {
              if (o.error) o.error(err);
            };
            if (activity.type !== 'message') {
              if (o.next) o.next('ignored');
              if (o.complete) o.complete();
              return { unsubscribe: function () {} };
            }
            var clientId = activity.channelData && activity.channelData.clientActivityID;
            var body = {
              type: 'message',
              text: activity.text,
              value: activity.value,
              locale: activity.locale,
              channelData: clientId ? { clientActivityID: clientId } : undefined,
            };
            api('api/web/conversations/' + encodeURIComponent(session.conversationId) + '/activities', body, session.token).then(
              function (r) {
                if (!r.ok) {
                  var e = errorOf(r);
                  showProblem(e.message, e.fresh);
                  return fail(new Error(e.code || String(r.status)));
                }
                alertBox.hidden = true;
                showState(t.online);
                session.token = r.body.token;
                emit(
                  Object.assign({}, activity, {
                    id: r.body.id,
                    timestamp: r.body.timestamp || new Date().toISOString(),
                    from: { id: session.userId, role: 'user' },
                  }),
                  true,
                );
                r.body.activities.forEach(function (a) {
                  emit(a, true);
                });
                save();
                if (o.next) o.next(r.body.id);
                if (o.complete) o.complete();
              },
              function (err) {
                showProblem(t.offline, false);
                fail(err);
              },
            );
            return { unsubscribe: function () {} };
          },
        };
      },
    };
  }

  function render(directLine, userID) {
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: userID,
        locale: lang === 'en' ? 'en-US' : 'de-DE',
        styleOptions: {
          accent: '#1d3f6e',
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Arial, sans-serif',
          bubbleBorderRadius: 6,
          bubbleMaxWidth: 720,
          bubbleFromUserBackground: '#e6edf6',
          bubbleFromUserBorderRadius: 6,
          hideUploadButton: true,
          sendBoxTextWrap: true,
          suggestedActionLayout: 'flow',
          suggestedActionBorderRadius: 4,
          botAvatarInitials: 'L',
          userAvatarInitials: t.userInitials,
        },
      },
      document.getElementById('webchat'),
    );
  }

  function focusInput() {
    var input = document.querySelector('#webchat input, #webchat textarea');
    if (input) input.focus();
  }

  function startLotse() {
    session = load();
    var ready = session
      ? Promise.resolve()
      : api('api/web/conversations', { locale: lang }).then(function (r) {
          if (!r.ok) throw errorOf(r);
          session = {
            conversationId: r.body.conversationId,
            userId: r.body.userId,
            token: r.body.token,
            activities: r.body.activities,
            lastActive: Date.now(),
          };
          save();
        });
    return ready.then(function () {
      render(lotseDirectLine(), session.userId);
    });
  }

  /**
   * Azure Direct Line: Web Chat's documented reconnect pattern – conversation id and the current token in
   * sessionStorage, reconnect with both (the service replays the history). Not exercised against Azure in
   * the tests (no account); the token route, its limits and the regional domain are.
   */
  function startAzure() {
    var kept = load();
    var ready = kept
      ? Promise.resolve(kept)
      : api('api/directline/token', {}).then(function (r) {
          if (!r.ok) throw errorOf(r);
          return {
            azure: true,
            conversationId: r.body.conversationId,
            token: r.body.token,
            domain: r.body.domain,
            activities: [],
            lastActive: Date.now(),
          };
        });
    return ready.then(function (s) {
      session = s;
      save();
      var directLine = window.WebChat.createDirectLine({
        token: s.token,
        conversationId: s.conversationId,
        domain: s.domain,
        webSocket: true,
      });
      azureLine = directLine;
      // DirectLineJS refreshes its token; keep the current one for the next page load.
      window.addEventListener('pagehide', function () {
        if (session && directLine.token) session.token = directLine.token;
        save();
      });
      render(directLine, undefined);
      showState(t.online);
    });
  }

  window.addEventListener('message', function (event) {
    if (!hostOrigin || event.origin !== hostOrigin || event.source !== window.parent) return;
    var data = event.data || {};
    if (data.source !== 'lotse-host') return;
    if (data.type === 'end') startOver();
    if (data.type === 'focus') focusInput();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') toHost('escape');
  });
  if (endButton) endButton.addEventListener('click', startOver);

  showState(t.connecting);
  (S.mode === 'azure' ? startAzure() : startLotse()).then(
    function () {
      toHost('ready');
      if (!embedded) focusInput();
    },
    function (err) {
      showProblem((err && err.message) || t.offline, !!(err && err.fresh));
    },
  );
})();
