// Registers the service worker that keeps the app working offline (its precache list is
// written at build time by tools/post_build.sh), and tells the app when a new version is
// waiting, so that versions are never mixed silently.
(function () {
  if (!('serviceWorker' in navigator)) return;
  var waiting = null;
  function ready(worker) {
    waiting = worker;
    window.dispatchEvent(new CustomEvent('relief:update-ready'));
  }
  window.addEventListener('relief:apply-update', function () {
    if (waiting) waiting.postMessage('skip-waiting');
  });
  var reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) ready(reg.waiting);
      reg.addEventListener('updatefound', function () {
        var w = reg.installing;
        if (!w) return;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && navigator.serviceWorker.controller) ready(w);
        });
      });
    }).catch(function () { /* no offline support here; the app still works online */ });
  });
})();
