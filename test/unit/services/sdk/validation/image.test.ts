import { strict as assert } from "assert";
import { imageSelectionProblems } from "../../../../../services/sdk/validation/image";

const DIGEST = `sha256:${"0".repeat(64)}`;

describe("image selection", () => {
    it("accepts a digest anywhere and a tag where pinning is not required", () => {
        assert.deepEqual(imageSelectionProblems({ digest: DIGEST }, true), []);
        assert.deepEqual(imageSelectionProblems({ tag: "v1.2.3" }, false), []);
        assert.deepEqual(imageSelectionProblems(undefined, false), []);
    });

    it("requires a digest where the environment pins images, and says where to put it", () => {
        assert.match(
            imageSelectionProblems({ tag: "v1" }, true)[0],
            /^`image.digest` is required in this environment.*unit config `image.digest`/,
        );
    });

    it("refuses a malformed digest or tag", () => {
        assert.match(imageSelectionProblems({ digest: "sha256:ABC" }, false)[0], /64 lowercase hex digits/);
        assert.match(imageSelectionProblems({ tag: "bad tag" }, false)[0], /must be a Docker tag/);
    });
});
