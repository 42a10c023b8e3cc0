#!/usr/bin/env python3
"""Where a build's CPU time goes, by pipeline stage: `make profile` runs it on perf's samples.

usage: perf script -F ip,sym,dso | swift demangle --simplified | scripts/perf-stages.py

Each sample is charged to the stage of the first frame, from the leaf up, that names one
(`SeedLoader` is load, `SiteRenderer` render…); within that stage, to the library it is
inside when there is one (swift-mustache, Yams, libcmark: any frame between the leaf and
the stage's frame), and to what its leaf frame is: the kernel, Swift's dynamic casts,
reference counting, memory, or the rest. Prints percentages of all samples.
Swift code is unwound through frame pointers: samples whose stack breaks before a stage
frame are "other".
"""
import collections
import sys

# Frames that tell the stage, first match from the leaf wins.
STAGES = [
    ("write", ("OutputWriter", "PreviousPageLinker")),
    ("render: briefing.json", ("BriefingJSON", "JSONStreamWriter", "JSONLayout")),
    ("render", ("SiteRenderer", "FragmentCache", "ClaimItemFragment", "PartialFragment", "JoinedFragments")),
    ("plan", ("IncrementalPlan", "PageDigests", "AnalysisDigests")),
    ("analyze", ("ClaimAnalyzer", "ClaimClusterer", "ProvenanceTracker")),
    ("link", ("Linker.",)),
    ("extract", ("ClaimExtractor", "ClaimMerger", "AttributionFinder")),
    ("load", ("SeedLoader", "FrontMatter")),
]

# Libraries a sample can be inside, by a frame between the leaf and the stage frame.
LIBRARIES = [
    ("swift-mustache", lambda dso, sym: "Mustache" in sym),
    ("Yams / libyaml", lambda dso, sym: any(k in sym for k in ("Yams", "YAMLDecoder", "_Decoder", "Node.", "Parser.", "Composer")) or sym.startswith("yaml_")),
    ("libcmark", lambda dso, sym: "libcmark" in dso or sym.startswith("cmark_")),
]

# What a leaf frame is, first match wins.
LEAVES = [
    ("kernel (files, memory)", lambda dso, sym: "kernel" in dso),
    ("Swift dynamic casts", lambda dso, sym: any(k in sym for k in ("conformsToProtocol", "tryCast", "dynamicCast", "ConformanceCache", "hash_combine<void*"))),
    ("reference counting", lambda dso, sym: any(k in sym for k in ("swift_retain", "swift_release", "RefCounts", "swift_bridgeObject", "isUniquelyReferenced"))),
    ("malloc / free / copies", lambda dso, sym: any(k in sym for k in ("malloc", "free", "_int_", "memmove", "memcpy", "memset", "swift_alloc", "swift_dealloc", "swift_slowAlloc", "swift_slowDealloc", "unlink_chunk", "initializeWithCopy", "initializeBufferWithCopy"))),
    ("hashing, strings, dictionaries", lambda dso, sym: any(k in sym for k in ("Hasher", "String", "Dictionary", "_NativeDictionary", "RawDictionaryStorage", "memcmp", "Substring", "Character", "_allASCII"))),
    ("other code", lambda dso, sym: True),
]


def samples(lines):
    """Yields each sample as [(dso, symbol)], leaf first."""
    stack = []
    for line in lines:
        line = line.strip()
        if not line:
            if stack:
                yield stack
            stack = []
            continue
        # "address symbol (dso)": the dso is the last parenthesis.
        if line.endswith(")") and " (" in line:
            frame, dso = line.rsplit(" (", 1)
            stack.append((dso[:-1], frame.split(" ", 1)[-1]))
    if stack:
        yield stack


def main():
    by_stage = collections.Counter()
    by_leaf = collections.defaultdict(collections.Counter)
    by_library = collections.defaultdict(collections.Counter)
    total = 0
    for stack in samples(sys.stdin):
        total += 1
        stage, depth = "other (start-up, exit, broken stacks)", len(stack)
        for index, (_, sym) in enumerate(stack):
            found = next((name for name, keys in STAGES if any(k in sym for k in keys)), None)
            if found:
                stage, depth = found, index
                break
        inside = stack[:depth]
        library = next((name for name, test in LIBRARIES if any(test(dso, sym) for dso, sym in inside)), None)
        dso, sym = stack[0]
        leaf = next(name for name, test in LEAVES if test(dso, sym))
        by_stage[stage] += 1
        by_leaf[stage][leaf] += 1
        if library:
            by_library[stage][library] += 1
    if total == 0:
        sys.exit("no samples on stdin (perf script -F ip,sym,dso | swift demangle --simplified)")
    print(f"{total:,} samples\n")
    print("| stage | share of CPU | inside a library | leaf frames |")
    print("|---|---|---|---|")
    for stage, count in by_stage.most_common():
        libraries = ", ".join(f"{name} {100 * n / count:.0f} %" for name, n in by_library[stage].most_common()) or "—"
        leaves = ", ".join(f"{name} {100 * n / count:.0f} %" for name, n in by_leaf[stage].most_common(4))
        print(f"| {stage} | {100 * count / total:.1f} % | {libraries} | {leaves} |")


if __name__ == "__main__":
    main()
