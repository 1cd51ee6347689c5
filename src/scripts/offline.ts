/**
 * Registers the service worker (src/sw/worker.ts) and keeps the visitor told about the copy
 * of the site saved on this device: a newer build saved in full is offered with Reload (in
 * every open tab), and a saved copy older than this page that could not be updated is named.
 * A page served from the saved copy says so by itself (BaseLayout.astro, data-saved-copy).
 */
import { formatBuildDate } from "../lib/text/dates";

interface SavedBuild {
  id: string;
  date: string;
}

const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined;

/** The build a worker saved, or undefined when it does not answer within a second. */
function savedBuild(worker: ServiceWorker): Promise<SavedBuild | undefined> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<SavedBuild>) => resolve(event.data);
    window.setTimeout(() => resolve(undefined), 1000);
    worker.postMessage({ type: "BUILD" }, [channel.port2]);
  });
}

/** Until `worker` has finished installing, one way or the other. */
function settled(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (worker.state !== "installing") resolve();
    };
    worker.addEventListener("statechange", check);
    check();
  });
}

if (import.meta.env.PROD && workers) {
  const banner = document.querySelector<HTMLElement>("[data-update]");
  const text = banner?.querySelector<HTMLElement>("[data-update-text]");
  const button = banner?.querySelector("button");
  const ownBuild = document.querySelector<HTMLMetaElement>('meta[name="kms-build"]')?.content;
  let registration: ServiceWorkerRegistration | undefined;
  // Reload only into a build the visitor accepted: the first visit's worker also takes
  // control (clients.claim), and that must not reload the page under the reader.
  let accepted = false;
  workers.addEventListener("controllerchange", () => {
    if (accepted) window.location.reload();
  });
  // Any tab's Reload: into the waiting build, or, when another tab has already let it take
  // over, simply again, from the network.
  button?.addEventListener("click", () => {
    const waiting = registration?.waiting;
    if (!waiting) return window.location.reload();
    accepted = true;
    waiting.postMessage({ type: "SKIP_WAITING" });
  });
  const say = (message: string, reload: boolean) => {
    if (!banner || !text || !button) return;
    text.textContent = message;
    button.hidden = !reload;
    banner.hidden = false;
  };
  const offerReload = () =>
    say(
      "A newer version of the site is ready and saved for offline use: keys may have changed.",
      true,
    );

  void workers
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .then(async (found) => {
      registration = found;
      // A build that finished downloading on an earlier visit, or one that does now.
      if (found.waiting && workers.controller) offerReload();
      found.addEventListener("updatefound", () => {
        const incoming = found.installing;
        incoming?.addEventListener("statechange", () => {
          if (incoming.state === "installed" && workers.controller) offerReload();
        });
      });
      // This page came from the network; is the copy saved on this device the same build?
      const controller = workers.controller;
      const saved = controller ? await savedBuild(controller) : undefined;
      if (!saved || saved.id === ownBuild) return;
      await found.update().catch(() => undefined);
      if (found.installing) await settled(found.installing);
      if (found.waiting) return offerReload();
      say(
        `The copy of this site saved on this device for offline use is older (built ${formatBuildDate(saved.date)}) and could not be updated: offline, you would see that copy.`,
        false,
      );
    });
}
