import initSqlJs from "sql.js";

// An RPM database in its SQLite form (`rpmdb.sqlite`, RHEL/UBI 9 and Fedora), written by code for
// the inspect suites: no rpm tool is needed, and Syft (go-rpmdb) reads the same file
// independently, which checks our reader against a second one.

export interface RpmPackage {
    readonly name: string;
    readonly version: string;
    readonly release: string;
    readonly epoch?: number;
    readonly arch: string;
    readonly license: string;
    readonly sourceRpm: string;
    readonly vendor?: string;
}

const STRING = 6;
const INT32 = 4;

/** An RPM header blob as rpmdb stores it: index entries sorted by tag, then the data store (big-endian). */
export function rpmHeaderBlob(p: RpmPackage): Buffer {
    const entries: { tag: number; type: number; value: string | number }[] = [
        { tag: 1000, type: STRING, value: p.name },
        { tag: 1001, type: STRING, value: p.version },
        { tag: 1002, type: STRING, value: p.release },
        ...(p.epoch !== undefined ? [{ tag: 1003, type: INT32, value: p.epoch }] : []),
        ...(p.vendor ? [{ tag: 1011, type: STRING, value: p.vendor }] : []),
        { tag: 1014, type: STRING, value: p.license },
        { tag: 1022, type: STRING, value: p.arch },
        { tag: 1044, type: STRING, value: p.sourceRpm },
    ];
    const store: Buffer[] = [];
    let size = 0;
    const index = Buffer.alloc(entries.length * 16);
    entries.forEach((e, i) => {
        if (e.type === INT32) {
            const pad = (4 - (size % 4)) % 4;
            if (pad) {
                store.push(Buffer.alloc(pad));
                size += pad;
            }
        }
        index.writeInt32BE(e.tag, i * 16);
        index.writeUInt32BE(e.type, i * 16 + 4);
        index.writeInt32BE(size, i * 16 + 8);
        index.writeUInt32BE(1, i * 16 + 12);
        const data = e.type === INT32 ? Buffer.alloc(4) : Buffer.from(`${String(e.value)}\0`, "utf8");
        if (e.type === INT32) data.writeInt32BE(e.value as number, 0);
        store.push(data);
        size += data.length;
    });
    const head = Buffer.alloc(8);
    head.writeUInt32BE(entries.length, 0);
    head.writeUInt32BE(size, 4);
    return Buffer.concat([head, index, ...store]);
}

/** `rpmdb.sqlite` bytes holding the packages, in rpm's own table layout. */
export async function rpmdbSqlite(packages: readonly RpmPackage[]): Promise<Buffer> {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    try {
        db.run("CREATE TABLE 'Packages' (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
        for (const p of packages) db.run("INSERT INTO Packages (blob) VALUES (?)", [rpmHeaderBlob(p)]);
        return Buffer.from(db.export());
    } finally {
        db.close();
    }
}
