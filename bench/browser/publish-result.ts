// How a bench page hands its figures to its driver (bench/*-browser.ts waits for
// window.__result): the result, or the error that stopped the run.
export function publishResult(run: Promise<unknown>): void {
  run.then(
    (result) => {
      (window as unknown as { __result: unknown }).__result = result;
      document.getElementById('status')!.textContent = 'done';
    },
    (error: unknown) => {
      (window as unknown as { __result: unknown }).__result = { error: String(error) };
    },
  );
}
