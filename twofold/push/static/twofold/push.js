// The Notifications page: allows this browser to receive Twofold's notifications (the Push API, through the
// service worker twofold.js registers) and sends the subscription to the server, and marks this device in
// the list. Everything else on the page is plain forms.
(function () {
  "use strict";

  var card = document.getElementById("this-device");
  if (!card) { return; }
  var state = card.querySelector("[data-push-state]");
  var button = card.querySelector("[data-push-allow]");

  function say(text) { state.textContent = text; }

  // applicationServerKey wants bytes; the server gives URL-safe base64.
  function keyBytes(text) {
    var base64 = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function markThisDevice(subscription) {
    var known = false;
    document.querySelectorAll("[data-device]").forEach(function (item) {
      var mine = subscription !== null && item.dataset.endpoint === subscription.endpoint;
      item.querySelector("[data-this-device]").hidden = !mine;
      known = known || mine;
    });
    return known;
  }

  function send(subscription) {
    var token = card.querySelector("[name=csrfmiddlewaretoken]").value;
    return fetch(card.dataset.allowUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(subscription.toJSON()),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.message || "Twofold could not keep this device."); }
        return data;
      });
    });
  }

  function allow() {
    button.disabled = true;
    say("Asking this browser…");
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") {
        throw new Error("This browser blocks Twofold's notifications. Allow them for this site in the browser's settings, then try again.");
      }
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return registration.pushManager.getSubscription().then(function (existing) {
        return existing || registration.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: keyBytes(card.dataset.publicKey),
        });
      });
    }).then(send).then(function () {
      window.location.reload();
    }).catch(function (error) {
      say(error && error.message ? error.message : "This browser could not turn notifications on.");
      button.disabled = false;
    });
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !window.isSecureContext) {
    say("This browser cannot receive notifications from Twofold (it needs a recent browser, over HTTPS).");
    return;
  }
  button.addEventListener("click", allow);
  navigator.serviceWorker.ready.then(function (registration) {
    return registration.pushManager.getSubscription();
  }).then(function (subscription) {
    if (markThisDevice(subscription)) {
      say("This device gets Twofold's notifications.");
    } else if (Notification.permission === "denied") {
      say("This browser blocks Twofold's notifications. Allow them for this site in the browser's settings.");
    } else {
      say("This device does not get notifications yet.");
      button.hidden = false;
    }
  });
})();
