/** Speaks `message` through the page's polite live region (see BaseLayout). */
export function announce(message: string): void {
  const region = document.getElementById("kms-announcer");
  if (region === null) return;
  // Clear first so that the same message twice in a row is announced twice.
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}
