// Twofold's small page script: running timers tick, every log goes through the outbox (outbox.js) at the
// moment of the tap, the outbox shows what is waiting, and the service worker keeps Quick log and Today
// openable without a signal.
(function () {
  "use strict";
  var outbox = window.TwofoldOutbox;
  var DOUBLE_TAP_MS = 1500;
  var lastTap = new WeakMap();

  function pad(n) { return String(n).padStart(2, "0"); }
  function tick() {
    document.querySelectorAll("[data-started]").forEach(function (el) {
      var seconds = Math.max(0, Math.floor((Date.now() - Date.parse(el.dataset.started)) / 1000));
      var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
      el.textContent = (h ? h + ":" + pad(m) : m) + ":" + pad(s);
    });
  }
  function clock(iso) { var d = new Date(iso); return pad(d.getHours()) + ":" + pad(d.getMinutes()); }

  // ---- The tap: a fresh client_id and the device's time, made now, never at page load ----

  function fieldsOf(form, submitter) {
    var data = new FormData(form, submitter || undefined);
    var tappedAt = new Date().toISOString();
    data.set("client_id", outbox.uuid());
    data.set("tapped_at", tappedAt);
    data.set("sent_at", "");
    // A start left as the page filled it in means "now": the server uses the tap's time.
    form.querySelectorAll("[data-now]").forEach(function (input) {
      if (input.value === input.defaultValue) { data.set(input.name, ""); }
    });
    var fields = [];
    data.forEach(function (value, name) { if (typeof value === "string") { fields.push([name, value]); } });
    return { fields: fields, tappedAt: tappedAt, clientId: data.get("client_id") };
  }

  function itemFor(form, submitter) {
    var made = fieldsOf(form, submitter);
    var item = { url: form.action, fields: made.fields, label: form.dataset.log, tappedAt: made.tappedAt };
    if (form.dataset.timerStart) {
      item.timer = { key: made.clientId, label: form.dataset.timerLabel || form.dataset.timerStart };
    }
    if (form.dataset.timerStop) { item.stops = form.dataset.timerStop; }
    return item;
  }

  function say(form, text, isError) {
    var note = form.querySelector(".tap-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "tap-note";
      form.appendChild(note);
    }
    note.setAttribute("role", isError ? "alert" : "status");
    note.classList.toggle("error", !!isError);
    note.textContent = text;
  }

  // A refusal's field errors go beside their fields, as the page shows them when sent without the script;
  // the note under the button says where to look, with any error that belongs to no one field.
  function sayRefused(form, result) {
    lastTap.delete(form);  // the next tap is a parent's answer to the refusal, never a double tap
    form.querySelectorAll("[data-tap-error]").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    var errors = result.errors || {};
    var marked = 0;
    var rest = [];
    Object.keys(errors).forEach(function (name) {
      var input = name === "__all__" ? null : form.elements[name];
      if (typeof RadioNodeList !== "undefined" && input instanceof RadioNodeList) { input = input[0]; }
      var holder = input && input.closest(".field, fieldset");
      if (!holder) { rest.push(errors[name][0]); return; }
      holder.classList.add("has-error");
      input.setAttribute("aria-invalid", "true");
      var message = document.createElement("p");
      message.className = "error";
      message.setAttribute("data-tap-error", "");
      message.textContent = errors[name][0];
      holder.appendChild(message);
      marked += 1;
    });
    if (!marked) { say(form, result.message, true); return; }
    say(form, ["Not logged yet: put right what is marked above."].concat(rest).join(" "), true);
  }

  function onSubmit(event) {
    var form = event.target.closest && event.target.closest("form[data-log]");
    if (!form || !outbox) { return; }
    event.preventDefault();
    var now = Date.now();
    if (now - (lastTap.get(form) || 0) < DOUBLE_TAP_MS) { return; }  // a double tap logs once
    lastTap.set(form, now);
    var item = itemFor(form, event.submitter);
    outbox.add(item).then(function (id) {
      item.id = id;
      return sendAndShow(form, item);
    });
  }

  // Sends now if it can. Refused at once while the form is on screen: the reason goes beside the form and
  // nothing waits in the outbox. Not sent (no signal, server trouble): it waits, and the page says so.
  function sendAndShow(form, item) {
    var mine = null;
    return outbox.flush(function (sent, result) { if (sent.id === item.id) { mine = result; } }).then(function () {
      if (mine && mine.outcome === "sent") {
        afterSent(form);
        return;
      }
      if (mine && mine.outcome === "failed" && document.body.contains(form)) {
        outbox.remove(item.id).then(function () { sayRefused(form, mine); render(); });
        return;
      }
      say(form, "No connection: saved on this phone, it will be sent when the connection is back.");
      render();
      registerSync();
      if (form.dataset.logNext) { window.location.href = form.dataset.logNext; }
    });
  }

  function afterSent(form) {
    if (form.dataset.logNext) { window.location.href = form.dataset.logNext; return; }
    window.location.reload();
  }

  // ---- What is waiting: the count, the list, retry and discard ----

  function timersFrom(items) {
    var stopped = {};
    items.forEach(function (i) { if (i.stops) { stopped[i.stops] = i; } });
    return items.filter(function (i) { return i.timer; }).map(function (start) {
      return { start: start, stop: stopped[start.timer.key] || null };
    });
  }

  function entries(items) {
    // A timer started and stopped offline is one thing to the parent: one entry, not two.
    var pairedStops = {};
    timersFrom(items).forEach(function (t) { if (t.stop) { pairedStops[t.stop.id] = true; } });
    return items.filter(function (i) { return !pairedStops[i.id]; }).map(function (i) {
      var stop = i.timer && items.find(function (s) { return s.stops === i.timer.key; });
      var text = i.label + " · " + clock(i.tappedAt);
      if (stop) { text = i.timer.label + " · " + clock(i.tappedAt) + "–" + clock(stop.tappedAt); }
      return { item: i, text: text, failed: i.status === "failed" || (stop && stop.status === "failed") };
    });
  }

  function render() {
    if (!outbox) { return Promise.resolve(); }
    return outbox.all().then(function (items) {
      var box = document.getElementById("outbox");
      if (!box) { return; }
      var list = entries(items);
      box.hidden = list.length === 0;
      var waiting = list.filter(function (e) { return !e.failed; }).length;
      var failed = list.length - waiting;
      var summary = [];
      if (waiting) { summary.push(waiting + " waiting to send"); }
      if (failed) { summary.push(failed + " not sent"); }
      box.querySelector("[data-outbox-count]").textContent = summary.join(", ");
      var ul = box.querySelector("ul");
      ul.textContent = "";
      list.forEach(function (entry) {
        var li = document.createElement("li");
        li.textContent = entry.text;
        var error = entry.item.error;
        if (error) {
          var why = document.createElement("span");
          why.className = entry.failed ? "error" : "muted";
          why.textContent = " — " + error;
          li.appendChild(why);
        }
        if (entry.failed) {
          [["Try again", "retry"], ["Discard", "discard"]].forEach(function (b) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "link";
            button.dataset.outboxAction = b[1];
            button.dataset.outboxId = entry.item.id;
            button.textContent = b[0];
            li.appendChild(document.createTextNode(" "));
            li.appendChild(button);
          });
        }
        ul.appendChild(li);
      });
      renderOfflineTimers(items);
    });
  }

  // Timers started while offline tick on the page and can be stopped there too.
  function renderOfflineTimers(items) {
    var holder = document.getElementById("offline-timers");
    if (!holder) { return; }
    holder.textContent = "";
    var template = document.getElementById("offline-timer");
    timersFrom(items).forEach(function (t) {
      if (t.stop) { return; }
      var card = template.content.firstElementChild.cloneNode(true);
      card.querySelector("[data-timer-name]").textContent = t.start.timer.label;
      card.querySelector(".elapsed").dataset.started = t.start.tappedAt;
      card.querySelector("[data-since]").textContent = "since " + clock(t.start.tappedAt) + ", not sent yet";
      var form = card.querySelector("form");
      form.dataset.timerStop = t.start.timer.key;
      form.dataset.log = "Stop " + t.start.timer.label.toLowerCase();
      form.querySelector("[name=timer]").value = t.start.timer.key;
      var csrf = t.start.fields.find(function (f) { return f[0] === "csrfmiddlewaretoken"; });
      form.querySelector("[name=csrfmiddlewaretoken]").value = csrf ? csrf[1] : "";
      holder.appendChild(card);
    });
    tick();
  }

  function onOutboxClick(event) {
    var button = event.target.closest("[data-outbox-action]");
    if (!button) { return; }
    var id = Number(button.dataset.outboxId);
    var done = button.dataset.outboxAction === "retry"
      ? outbox.retry(id).then(function () { return outbox.flush(); })
      : outbox.all().then(function (items) {
        var item = items.find(function (i) { return i.id === id; });
        var stop = item && item.timer && items.find(function (s) { return s.stops === item.timer.key; });
        return outbox.remove(id).then(function () { return stop ? outbox.remove(stop.id) : undefined; });
      });
    done.then(render);
  }

  // ---- Sending when the connection comes back ----

  function trySend() {
    if (!outbox) { return; }
    var sentAny = false;
    outbox.flush(function (item, result) { if (result.outcome === "sent") { sentAny = true; } }).then(function () {
      if (sentAny && document.body.dataset.refreshOnSync !== undefined) { window.location.reload(); }
      else { render(); }
    });
  }

  function registerSync() {
    if (!("serviceWorker" in navigator)) { return; }
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) { return registration.sync.register("outbox"); }
      return undefined;
    }).catch(function () {});
  }

  // Logging out forgets this phone's copy of Twofold; a log not yet sent is discarded only if the parent says so.
  function onLogout(event) {
    var form = event.target.closest && event.target.closest("form.logout");
    if (!form || form.dataset.confirmed) { return; }
    event.preventDefault();
    var forget = function () {
      var caches_ = window.caches ? caches.keys().then(function (keys) {
        return Promise.all(keys.map(function (k) { return caches.delete(k); }));
      }) : Promise.resolve();
      return Promise.all([outbox ? outbox.clear() : null, caches_]);
    };
    (outbox ? outbox.all() : Promise.resolve([])).then(function (items) {
      var count = entries(items).length;
      if (count && !window.confirm(count + (count === 1 ? " log has" : " logs have") +
        " not been sent yet. Log out and discard " + (count === 1 ? "it" : "them") + "?")) {
        return;
      }
      forget().then(function () { form.dataset.confirmed = "1"; form.submit(); });
    });
  }

  function warmCache() {
    var urls = Array.prototype.map.call(document.querySelectorAll("[data-offline-page]"), function (a) {
      return a.href;
    });
    if (!urls.length || !navigator.serviceWorker || !navigator.serviceWorker.controller) { return; }
    navigator.serviceWorker.controller.postMessage({ type: "warm", urls: urls });
  }

  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", function () {
    tick();
    render();
    trySend();
    document.addEventListener("submit", onSubmit);
    document.addEventListener("submit", onLogout);
    var box = document.getElementById("outbox");
    if (box) { box.addEventListener("click", onOutboxClick); }
  });
  document.addEventListener("htmx:afterSwap", tick);
  window.addEventListener("online", trySend);
  window.addEventListener("focus", trySend);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { trySend(); } });
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(warmCache).catch(function () {});
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "outbox-sent") { trySend(); }
    });
  }
})();
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) { window.print(); }
});
// What on...= attributes would do, which the Content-Security-Policy forbids: ask before a form that
// removes or leaves (data-confirm, in the capture phase so it runs before any other handler), and select a
// read-only link on focus so it is easy to copy (data-select-on-focus).
document.addEventListener("submit", function (event) {
  var form = event.target.closest && event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
document.addEventListener("focusin", function (event) {
  if (event.target.matches && event.target.matches("[data-select-on-focus]")) { event.target.select(); }
});

// A link to pass on: "Copy" puts it on the clipboard (or selects it where the browser will not), and
// "Share…" appears only where the phone offers its own share sheet.
document.querySelectorAll("[data-share]").forEach(function (button) {
  if (navigator.share) { button.hidden = false; }
});
document.addEventListener("click", function (event) {
  var copy = event.target.closest && event.target.closest("[data-copy]");
  var share = event.target.closest && event.target.closest("[data-share]");
  var button = copy || share;
  if (!button) { return; }
  var field = document.querySelector(button.dataset.copy || button.dataset.share);
  if (!field) { return; }
  if (share && navigator.share) {
    navigator.share({title: share.dataset.shareTitle || document.title, url: field.value}).catch(function () {});
    return;
  }
  var done = function () { button.textContent = button.dataset.copied || "Copied"; };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(field.value).then(done, function () { field.focus(); field.select(); });
  } else {
    field.focus();
    field.select();
  }
});


// Times that go with one choice (data-times-for="night" with data-times="22:00 07:00"): choosing it fills
// them, and choosing anything else empties them while they are still that choice's, so a meal does not
// keep the night's 22:00–07:00. Times a parent typed are left alone.
document.addEventListener("change", function (event) {
  var form = event.target.form;
  if (!form || !form.dataset.timesFor || event.target.name !== "kind") { return; }
  var times = form.dataset.times.split(" ");
  var start = form.elements.start;
  var end = form.elements.end;
  if (event.target.value === form.dataset.timesFor) {
    if (!start.value && !end.value) { start.value = times[0]; end.value = times[1]; }
  } else if (start.value === times[0] && end.value === times[1]) {
    start.value = "";
    end.value = "";
  }
});
