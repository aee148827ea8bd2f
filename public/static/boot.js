// Runs before the app. Where WebAssembly (or module scripts) are missing, as in some old
// in-app browsers, go to the static list of every relief instead of a blank page.
(function () {
  var ok = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' &&
    'noModule' in document.createElement('script');
  if (!ok) {
    location.replace('all.html');
  }
})();
