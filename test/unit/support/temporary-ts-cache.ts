import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Points the transpile cache (`EDF_TS_CACHE`, where the driver also keeps compiled validators and
 * parsed YAML) at a fresh folder for each test of the calling `describe`, restoring the variable
 * and removing the folder after. Returns the files kept in one of its sub-folders.
 */
export function temporaryTsCache(prefix: string, subfolder: string): { readonly dir: () => string; readonly kept: () => string[] } {
    let dir: string;
    let saved: string | undefined;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        saved = process.env.EDF_TS_CACHE;
        process.env.EDF_TS_CACHE = dir;
    });
    afterEach(() => {
        if (saved === undefined) delete process.env.EDF_TS_CACHE;
        else process.env.EDF_TS_CACHE = saved;
        fs.rmSync(dir, { recursive: true, force: true });
    });
    return {
        dir: () => dir,
        kept: () => (fs.existsSync(path.join(dir, subfolder)) ? fs.readdirSync(path.join(dir, subfolder)) : []),
    };
}
