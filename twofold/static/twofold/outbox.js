// Twofold's outbox: every log a parent taps waits here until the server has it.
//
// Loaded by every page (twofold.js uses it) and by the service worker (Background Sync), so both send the
// same way. An item is one form post: its URL, its fields (with a client_id and the device's time of the
// tap, made at the tap), and a label a tired parent can read. Items are sent in the order they were made;
// a network failure, a timeout or a 5xx leaves the item and everything after it waiting for the next try,
// and a retried send never logs twice, because the server knows the client_id. An item the server
// refuses (4xx) is kept as "failed" with the server's words, for the parent to retry or discard.
(function (scope) {
  "use strict";

  var DB_NAME = "twofold-outbox";
  var STORE = "items";
  var HEADER = "X-Twofold-Outbox";
  var SEND_TIMEOUT_MS = 15000;

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  // One transaction on the store; `work` gets the store and returns the request whose result we want.
  function withStore(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var request = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function all() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (items) {
      return (items || []).sort(function (a, b) { return a.id - b.id; });
    });
  }

  function add(item) {
    item.status = "waiting";
    item.error = "";
    item.madeAt = item.madeAt || new Date().toISOString();
    return withStore("readwrite", function (store) { return store.add(item); });
  }

  function put(item) { return withStore("readwrite", function (store) { return store.put(item); }); }
  function remove(id) { return withStore("readwrite", function (store) { store.delete(id); }); }
  function clear() { return withStore("readwrite", function (store) { store.clear(); }); }

  // A fresh id per tap. crypto.randomUUID needs a secure context; getRandomValues works everywhere.
  function uuid() {
    if (scope.crypto && scope.crypto.randomUUID) { return scope.crypto.randomUUID(); }
    var b = scope.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function body(item) {
    var params = new URLSearchParams();
    item.fields.forEach(function (pair) {
      params.append(pair[0], pair[0] === "sent_at" ? new Date().toISOString() : pair[1]);
    });
    return params;
  }

  function readAnswer(response) {
    return response.json().then(function (data) { return data; }, function () { return null; });
  }

  // Sends one item. Resolves to {outcome: "sent" | "failed" | "later", message}.
  function sendOne(item) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) { controller.abort(); } }, SEND_TIMEOUT_MS);
    var headers = {};
    headers[HEADER] = "1";
    return fetch(item.url, {
      method: "POST",
      body: body(item),
      headers: headers,
      credentials: "same-origin",
      redirect: "manual",
      signal: controller ? controller.signal : undefined,
    }).then(function (response) {
      clearTimeout(timer);
      // A page view that redirects after its work (a quick response, an undo) has done it.
      if (response.type === "opaqueredirect" || (response.status >= 200 && response.status < 400)) {
        return readAnswer(response).then(function (data) {
          return { outcome: "sent", message: (data && data.message) || "" };
        });
      }
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        return { outcome: "later", message: "Twofold's server had a problem; it will try again." };
      }
      return readAnswer(response).then(function (data) {
        if (data && data.message) {
          return { outcome: "failed", message: data.message, errors: data.errors || null };
        }
        if (response.status === 403 || response.status === 401) {
          // Logged out, or a new session since the tap: wait until the parent logs in again.
          return { outcome: "later", message: "Log in again to send this." };
        }
        return { outcome: "failed", message: "Twofold could not take this (" + response.status + ")." };
      });
    }, function () {
      clearTimeout(timer);
      return { outcome: "later", message: "" };
    });
  }

  // Sends what is waiting, oldest first. Failed items are skipped until retried; the first item that must
  // wait stops the round, so nothing is sent out of order.
  function flushNow(onResult) {
    return all().then(function (items) {
      var results = [];
      var queue = items.filter(function (item) { return item.status === "waiting"; });
      function next() {
        var item = queue.shift();
        if (!item) { return results; }
        return sendOne(item).then(function (result) {
          results.push({ item: item, result: result });
          if (onResult) { onResult(item, result); }
          if (result.outcome === "sent") { return remove(item.id).then(next); }
          if (result.outcome === "failed") {
            item.status = "failed";
            item.error = result.message;
            return put(item).then(next);
          }
          if (result.message !== item.error) {
            item.error = result.message;
            return put(item).then(function () { return results; });
          }
          return results;
        });
      }
      return next();
    });
  }

  // One round at a time across this page, other tabs and the service worker, where the browser can say so.
  function flush(onResult) {
    if (scope.navigator && scope.navigator.locks) {
      return scope.navigator.locks.request("twofold-outbox", function () { return flushNow(onResult); });
    }
    return flushNow(onResult);
  }

  function retry(id) {
    return all().then(function (items) {
      var item = items.find(function (i) { return i.id === id; });
      if (!item) { return undefined; }
      item.status = "waiting";
      item.error = "";
      return put(item);
    });
  }

  scope.TwofoldOutbox = {
    add: add, all: all, remove: remove, clear: clear, retry: retry, flush: flush, uuid: uuid,
  };
})(typeof self !== "undefined" ? self : window);
