"""The service worker's part that push owns: the script care's sw.js imports to show notifications."""

WORKER_SCRIPT = "twofold/push-worker.js"
