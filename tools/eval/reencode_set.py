#!/usr/bin/python3
"""A generated set's photos and faxes saved as other files carry them, truth rewritten to match, for
the figures of docs/EVALUATION.md "Photos as phones save them" (Debian: python3-pil, and
libheif-examples for heic). Also a large FHIR bundle made of a bundle's EOBs repeated.

  reencode_set.py heic SRC DST         each photo as HEIC (heif-enc -q 50)
  reencode_set.py tiff SRC DST         each photo as an LZW TIFF
  reencode_set.py tiff-pages SRC DST   each episode's photos in one grey TIFF, its faxes in one G4 TIFF
  reencode_set.py big-bundle BUNDLE OUT MEGABYTES
"""
import copy
import json
import os
import shutil
import subprocess
import sys

from PIL import Image, ImageSequence


def reencode_each(src, dst, ext):
    shutil.copytree(src, dst)
    inbox = os.path.join(dst, "inbox")
    for name in sorted(os.listdir(inbox)):
        if not name.endswith(".jpg"):
            continue
        path, out = os.path.join(inbox, name), os.path.join(inbox, name[:-4] + "." + ext)
        if ext == "heic":
            subprocess.run(["heif-enc", "-q", "50", "-o", out, path], check=True, capture_output=True)
        else:
            Image.open(path).save(out, compression="tiff_lzw")
        os.remove(path)
    for folder, names in ((os.path.join(dst, "truth"), None), (dst, ["episodes.json"])):
        for name in names or os.listdir(folder):
            path = os.path.join(folder, name)
            with open(path) as f:
                text = f.read()
            with open(path, "w") as f:
                f.write(text.replace('.jpg"', "." + ext + '"'))


def tiff_pages(src, dst):
    os.makedirs(os.path.join(dst, "inbox"))
    os.makedirs(os.path.join(dst, "truth"))
    manifest = json.load(open(os.path.join(src, "episodes.json")))
    for episode in manifest["episodes"]:
        for mode, compression in (("photo", "tiff_lzw"), ("fax", "group4")):
            files = episode["files"].get(mode, [])
            if not files:
                continue
            name = "%s-%s.tif" % (episode["episode"], mode)
            # Every page of every file (a fax of several pages is one TIFF), at its own resolution.
            images, truth, documents, pages = [], None, [], []
            for f in files:
                with Image.open(os.path.join(src, "inbox", f)) as source:
                    for frame in ImageSequence.Iterator(source):
                        page = frame.convert("1") if compression == "group4" else frame.copy()
                        page.encoderinfo = {"dpi": frame.info.get("dpi", (200, 200))}
                        images.append(page)
                one = json.load(open(os.path.join(src, "truth", f.rsplit(".", 1)[0] + ".json")))
                truth = truth or one
                offset = len(pages)
                documents += [dict(d, pages=[offset + n for n in d["pages"]]) for d in one["documents"]]
                pages += [dict(p, number=offset + p["number"]) for p in one["pages"]]
            images[0].save(os.path.join(dst, "inbox", name), save_all=True, append_images=images[1:],
                           compression=compression, dpi=images[0].encoderinfo["dpi"])
            truth = dict(truth, file="inbox/" + name, documents=documents, pages=pages,
                         family="batch" if len(documents) > 1 else documents[0]["family"])
            json.dump(truth, open(os.path.join(dst, "truth", name[:-4] + ".json"), "w"), indent=1)
            episode["files"][mode] = [name]
    json.dump(manifest, open(os.path.join(dst, "episodes.json"), "w"), indent=1)


def big_bundle(bundle, out, megabytes):
    source = json.load(open(bundle))
    eobs = [e["resource"] for e in source["entry"] if e["resource"]["resourceType"] == "ExplanationOfBenefit"]
    entries, size, n = [], 0, 0
    while size < megabytes * 1000000:
        eob = copy.deepcopy(eobs[n % len(eobs)])
        eob["id"] = "x%d" % n
        eob["identifier"][0]["value"] = str(10**9 + n)
        entries.append({"resource": eob})
        size += len(json.dumps(eob))
        n += 1
    json.dump({"resourceType": "Bundle", "type": "searchset", "entry": entries}, open(out, "w"))
    print(n, "EOBs")


if __name__ == "__main__":
    verb = sys.argv[1] if len(sys.argv) > 1 else ""
    if verb in ("heic", "tiff") and len(sys.argv) == 4:
        reencode_each(sys.argv[2], sys.argv[3], "heic" if verb == "heic" else "tif")
    elif verb == "tiff-pages" and len(sys.argv) == 4:
        tiff_pages(sys.argv[2], sys.argv[3])
    elif verb == "big-bundle" and len(sys.argv) == 5:
        big_bundle(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        sys.exit(__doc__)
