/** How far the analysis of one image is, for live progress. */
export interface ImageProgress {
    readonly reference: string;
    readonly phase: "manifest" | "layers" | "catalog" | "done";
    /** Layers finished, of `layers`. */
    readonly layersDone: number;
    readonly layers: number;
    /** Compressed bytes read so far, of `bytes`. */
    readonly bytesRead: number;
    readonly bytes: number;
}
