/** An image ready to store: re-encoded, metadata stripped, with its real size. */
export type RenderedImage = { data: Buffer; width: number; height: number; contentType: string; extension: string };
