/* The idle-session warning (accounts/sessions.py): shortly before the server would sign the
   user out for inactivity, say so and offer to stay; when the time is up, reload, and the
   server shows the sign-in page with the reason. Settings come from data- attributes on
   <body>, so there is no inline script (the site's CSP forbids it). */
(function () {
  "use strict";
  var body = document.body;
  var idle = Number(body.dataset.sessionIdle || 0);
  if (!idle) {
    return; // not signed in
  }
  var warnBefore = Math.min(Number(body.dataset.sessionWarning || 120), idle);
  var warning = document.getElementById("session-warning");
  var text = document.getElementById("session-warning-text");
  var stay = document.getElementById("session-stay");
  var deadline = 0;
  var ticker = null;

  function minutesLeft() {
    return Math.max(0, Math.ceil((deadline - Date.now()) / 60000));
  }

  function tick() {
    var left = deadline - Date.now();
    if (left <= 0) {
      window.clearInterval(ticker);
      window.location.reload();
      return;
    }
    if (left <= warnBefore * 1000 && warning.hidden) {
      warning.hidden = false;
      stay.focus();
    }
    if (!warning.hidden) {
      var minutes = minutesLeft();
      text.textContent = "You will be signed out in " + minutes + " minute" +
        (minutes === 1 ? "" : "s") + " because nothing has happened. Stay signed in?";
    }
  }

  function restart() {
    deadline = Date.now() + idle * 1000;
    warning.hidden = true;
    window.clearInterval(ticker);
    ticker = window.setInterval(tick, 1000);
  }

  stay.addEventListener("click", function () {
    fetch(body.dataset.sessionKeepalive, { credentials: "same-origin" }).then(function (reply) {
      if (reply.redirected || !reply.ok) {
        window.location.assign(body.dataset.sessionLogin);
      } else {
        restart();
      }
    });
  });
  // htmx requests other than polls count as activity on the server: restart here too.
  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.requestConfig && event.detail.requestConfig.verb !== "get") {
      restart();
    }
  });
  restart();
})();
