/**
 * Why an image could not be analysed. These end the analysis of one image (the stack that runs
 * it fails with the message; other stacks go on); they are never thrown for a tampered image,
 * which is a finding (`ImageAnalysis.integrity`), not an error.
 */
export type ImageErrorCode =
    /** No answer from the registry (DNS, refused connection, TLS, timeout). */
    | "EDF_REGISTRY_UNREACHABLE"
    /** The registry refused our credentials, or we had none it accepts. */
    | "EDF_REGISTRY_AUTH"
    /** The registry answered, but not with the repository, manifest or blob asked for. */
    | "EDF_IMAGE_NOT_FOUND"
    /** The image is larger than the configured limit (`inspect.maxImageMegabytes`). */
    | "EDF_IMAGE_TOO_LARGE"
    /** A manifest kind, media type or platform this inspector does not read. */
    | "EDF_IMAGE_UNSUPPORTED"
    /** The registry broke the protocol (bad JSON, unexpected status). */
    | "EDF_REGISTRY_PROTOCOL";

/** An image that could not be analysed: a stable code, a message naming the registry and image (never a credential). */
export class ImageError extends Error {
    constructor(
        readonly code: ImageErrorCode,
        message: string,
        options?: { cause?: unknown },
    ) {
        super(message, options);
        this.name = "ImageError";
    }
}
