/* Lotse web chat: fetches a per-conversation token from this server, then renders Web Chat (no CDN). */
(function () {
  'use strict';
  var status = document.getElementById('chat-status');
  function show(message) {
    status.textContent = message;
    status.hidden = false;
  }
  fetch('api/directline/token', { method: 'POST', credentials: 'same-origin' })
    .then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) throw new Error((body && body.error && body.error.message) || 'Der Chat ist gerade nicht erreichbar.');
        return body;
      });
    })
    .then(function (body) {
      var embedded = !!body.domain;
      var directLine = window.WebChat.createDirectLine({
        token: body.token,
        domain: embedded ? new URL(body.domain, window.location.href).href.replace(/\/$/, '') : undefined,
        webSocket: !embedded,
        pollingInterval: 700
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          locale: 'de-DE',
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
            userAvatarInitials: 'Sie'
          }
        },
        document.getElementById('webchat')
      );
      var input = document.querySelector('#webchat input, #webchat textarea');
      if (input) input.focus();
    })
    .catch(function (err) {
      show(err.message + ' Bitte laden Sie die Seite neu. Bei akuter Gefahr: Polizei 110, Hilfetelefon 116 016.');
    });
})();
