import { apkCataloger } from "./apk";
import type { Cataloger } from "./cataloger";
import { dpkgCataloger } from "./dpkg";
import { goCataloger } from "./go";
import { javaCataloger } from "./java";
import { nodeCataloger } from "./node";
import { pythonCataloger } from "./python";
import { rpmCataloger } from "./rpm";

/** Every ecosystem the inventory reads: OS package databases first, then language packages. */
export const CATALOGERS: readonly Cataloger[] = [
    dpkgCataloger,
    apkCataloger,
    rpmCataloger,
    nodeCataloger,
    pythonCataloger,
    goCataloger,
    javaCataloger,
];
