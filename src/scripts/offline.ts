/**
 * Registers the service worker (src/integrations/serviceWorker.ts) and, when a newer build
 * has been downloaded in full, offers to reload into it: this page is then a saved copy,
 * and Microsoft's list may have changed since.
 */
const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined;

if (import.meta.env.PROD && workers) {
  // Reload only into a build the visitor accepted: the first visit's worker also takes
  // control (clientsClaim), and that must not reload the page under the reader.
  let accepted = false;
  workers.addEventListener("controllerchange", () => {
    if (!accepted) return;
    accepted = false;
    window.location.reload();
  });
  const offer = (waiting: ServiceWorker) => {
    const banner = document.querySelector<HTMLElement>("[data-update]");
    if (!banner) return;
    banner.hidden = false;
    banner.querySelector("button")?.addEventListener("click", () => {
      accepted = true;
      waiting.postMessage({ type: "SKIP_WAITING" });
    });
  };
  void workers
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .then((registration) => {
      // A build that finished downloading on an earlier visit, or one that does now.
      if (registration.waiting && workers.controller) offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const incoming = registration.installing;
        incoming?.addEventListener("statechange", () => {
          if (incoming.state === "installed" && workers.controller) offer(incoming);
        });
      });
    });
}
