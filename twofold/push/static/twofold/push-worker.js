// Twofold's notifications, in the service worker (imported by care's sw.js after outbox.js).
//
// A push carries {title, body, url, tag, actions}: twofold/push/payload.py checks it on the server, so what
// shows on a locked phone is what the server meant. A tap on the notification opens its page (a tab of
// Twofold already open goes there); a button either opens a page ("url") or sends a form ("post", such as
// stopping a timer) through the outbox, so with no signal it waits on the phone and is sent once, later.
(function (scope) {
  "use strict";

  // Django's CSRF cookie (CSRF_COOKIE_NAME): its value is a valid token for the form a button sends.
  var CSRF_COOKIE = "csrftoken";
  var ICON = "/static/twofold/icon-192.png";

  function readPush(event) {
    if (!event.data) { return null; }
    try { return event.data.json(); } catch (error) { return null; }
  }

  // A push that cannot be read still shows something (browsers require it of a push), and nothing private.
  var UNREADABLE = { title: "Twofold", body: "Twofold has something for you", url: "/", tag: "twofold", actions: [] };

  scope.addEventListener("push", function (event) {
    var push = readPush(event);
    if (!push || !push.title) { push = UNREADABLE; }
    var actions = (push.actions || []).map(function (a) { return { action: a.action, title: a.title }; });
    event.waitUntil(scope.registration.showNotification(push.title, {
      body: push.body || "",
      tag: push.tag,
      icon: ICON,
      badge: ICON,
      actions: actions,
      data: { url: push.url || "/", tag: push.tag, actions: push.actions || [] },
    }));
  });

  function sameOrigin(path) {
    var url = new URL(path, scope.location.origin);
    return url.origin === scope.location.origin ? url.href : scope.location.origin + "/";
  }

  // A Twofold tab already open is sent to the page and brought forward; else a new one opens. (Navigating
  // before focusing: focus is only allowed during a real tap, and the page must move either way.)
  function openPage(path) {
    var target = sameOrigin(path);
    return scope.clients.matchAll({ type: "window" }).then(function (tabs) {
      var tab = tabs.find(function (t) { return new URL(t.url).origin === scope.location.origin; });
      if (!tab) { return scope.clients.openWindow(target); }
      return tab.navigate(target).then(function (moved) {
        var shown = moved || tab;
        return shown.focus().catch(function () { return shown; });
      }, function () { return scope.clients.openWindow(target); });
    });
  }

  function csrfToken() {
    if (!scope.cookieStore) { return Promise.resolve(""); }
    return scope.cookieStore.get(CSRF_COOKIE).then(function (c) { return c ? c.value : ""; }, function () { return ""; });
  }

  function tell(title, body, data) {
    return scope.registration.showNotification(title, { body: body, tag: data.tag, icon: ICON, data: data, silent: true });
  }

  // A button that sends a form: into the outbox as a tap made now, then sent if the network allows.
  function sendThroughOutbox(action, data, title) {
    return csrfToken().then(function (token) {
      if (!token) { return openPage(data.url || "/"); }  // no token here: the page does it
      var tappedAt = new Date().toISOString();
      return scope.TwofoldOutbox.add({
        url: action.post,
        label: action.title,
        tappedAt: tappedAt,
        fields: [
          ["csrfmiddlewaretoken", token],
          ["client_id", scope.TwofoldOutbox.uuid()],
          ["tapped_at", tappedAt],
          ["sent_at", ""],
        ],
      }).then(function () { return scope.TwofoldOutbox.flush(); }).then(function (results) {
        var mine = results.find(function (r) { return r.item.url === action.post && r.item.tappedAt === tappedAt; });
        var result = mine ? mine.result : { outcome: "later", message: "" };
        if (result.outcome === "sent") { return tell(title, result.message || action.title + ": done.", data); }
        if (result.outcome === "failed") { return tell(title, result.message, data); }
        var later = scope.registration.sync ? scope.registration.sync.register("outbox").catch(function () {}) : Promise.resolve();
        return later.then(function () {
          return tell(title, action.title + ": kept on this phone, sent when there is a connection.", data);
        });
      });
    });
  }

  scope.addEventListener("notificationclick", function (event) {
    var notification = event.notification;
    var data = notification.data || {};
    var action = (data.actions || []).find(function (a) { return a.action === event.action; });
    notification.close();
    if (action && action.post) {
      event.waitUntil(sendThroughOutbox(action, data, notification.title));
    } else {
      event.waitUntil(openPage(action && action.url ? action.url : data.url || "/"));
    }
  });
})(self);
