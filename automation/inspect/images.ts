import { analyzeImage } from "../image/analyze";
import { digestOf } from "../image/digest";
import type { Platform } from "../image/manifest";
import { MANIFEST_ACCEPT } from "../image/media-types";
import type { ImageAnalysis } from "../image/model";
import type { ImageProgress } from "../image/progress";
import type { ImageReference } from "../image/reference";
import type { Registries } from "./registries";

/** Runs at most `limit` tasks at once, in the order asked. */
export class Limiter {
    private running = 0;
    private readonly waiting: (() => void)[] = [];

    constructor(private readonly limit: number) {}

    async run<T>(task: () => Promise<T>): Promise<T> {
        if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
        this.running++;
        try {
            return await task();
        } finally {
            this.running--;
            this.waiting.shift()?.();
        }
    }
}

/**
 * Every image analysis of a run: each (registry, repository, digest, platform) analysed once
 * however many services run it, `parallel` at a time. Progress goes to every stack waiting on
 * the image.
 */
export class ImageAnalyses {
    private readonly analyses = new Map<string, Promise<ImageAnalysis>>();
    private readonly listeners = new Map<string, Set<(p: ImageProgress) => void>>();
    private readonly limiter: Limiter;

    constructor(
        private readonly registries: Registries,
        private readonly options: { readonly parallel: number; readonly maxImageBytes: number },
    ) {
        this.limiter = new Limiter(options.parallel);
    }

    analyze(
        ref: ImageReference & { readonly digest: string },
        platform: Platform,
        onProgress: (p: ImageProgress) => void,
        signal: AbortSignal,
    ): Promise<ImageAnalysis> {
        const key = `${ref.registry}/${ref.repository}@${ref.digest} ${platform.os}/${platform.architecture}`;
        let listeners = this.listeners.get(key);
        if (!listeners) this.listeners.set(key, (listeners = new Set()));
        listeners.add(onProgress);
        let analysis = this.analyses.get(key);
        if (!analysis) {
            analysis = this.limiter.run(() =>
                analyzeImage(
                    this.registries.client(ref.registry),
                    { repository: ref.repository, digest: ref.digest },
                    {
                        platform,
                        maxImageBytes: this.options.maxImageBytes,
                        signal,
                        onProgress: (p) => {
                            for (const listener of this.listeners.get(key) ?? []) listener(p);
                        },
                    },
                ),
            );
            this.analyses.set(key, analysis);
        }
        return analysis.finally(() => listeners!.delete(onProgress));
    }

    /** The digest a tag names now (what a service declared by tag would run if nothing runs yet). */
    async resolveTag(ref: ImageReference, signal: AbortSignal): Promise<string> {
        const fetched = await this.registries.client(ref.registry).manifest(ref.repository, ref.tag ?? "latest", MANIFEST_ACCEPT, signal);
        return digestOf(fetched.bytes);
    }
}
