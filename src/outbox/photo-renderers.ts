// Pictures drawn when they are sent, not when they are decided: a job runs inside a database transaction,
// so it stores what to draw (a renderer's name and plain JSON arguments) and the sender draws it on the
// way out (asynchronously). Capabilities register their renderers by name; the outbox knows none of them.
export type PhotoRenderer = (args: unknown) => Promise<Buffer>;

const renderers = new Map<string, PhotoRenderer>();

export function registerPhotoRenderer(name: string, render: PhotoRenderer): void {
  renderers.set(name, render);
}

export function photoRenderer(name: string): PhotoRenderer {
  const render = renderers.get(name);
  if (!render) throw new Error(`no photo renderer "${name}"`);
  return render;
}
