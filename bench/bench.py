#!/usr/bin/env python3
"""`make bench`: Briefing against Hugo and the cmark floor on generated corpora.

usage: bench.py [--sizes 1000,10000] [--runs 3 | --runs 3,2] [--incremental-max N] [--dir /tmp/briefing-bench] [--out docs/benchmark.md]

For each size it generates a corpus (bench/gen_corpus.py), then times, median of --runs:
  briefing build (all pages) · hugo building the same Markdown · cmark over the same bodies ·
  cp -r of Briefing's output · its hard-link copy and removal (the floor of an incremental
  build that swaps folders) · briefing build after editing one article (incremental).
It prints ratios, pages per second, peak memory and per-stage times, and writes the
results as Markdown to --out. Needs: a release build of briefing, hugo, cmark, /usr/bin/time.
"""
import math, os, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BRIEFING = os.path.join(ROOT, ".build", "release", "briefing")


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def timed(cmd, cwd=None, cpu=None):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS in MiB, stdout).

    Dirty pages of earlier steps are flushed first (`sync`), so that no command pays for
    the write-back of the one before it (a `cp -r` of 240 MB, say).
    - Parameter cpu: a list that receives the command's user CPU seconds: its own work,
      which the state of the disk does not move (system time is mostly the kernel
      creating and writing files, and moves with the disk as the wall-clock time does)."""
    os.sync()
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    user, system, rss_kb = p.stderr.strip().splitlines()[-1].split()
    if cpu is not None:
        cpu.append(float(user))
    return elapsed, int(rss_kb) / 1024, p.stdout


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def stage_times(output):
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+([\d.]+) s\b", output, re.M)}


class Trash:
    """Outputs moved out of the way during timings and deleted at the end (see bench_size)."""

    def __init__(self, base):
        self.folder = os.path.join(base, "trash")
        self.count = 0

    def take(self, path):
        if os.path.exists(path):
            os.makedirs(self.folder, exist_ok=True)
            self.count += 1
            moved = os.path.join(self.folder, f"{os.getpid()}-{self.count}")
            os.rename(path, moved)
            evict(moved)

    def empty(self):
        shutil.rmtree(self.folder, ignore_errors=True)


def evict(folder):
    """Drops a folder's files from the page cache (once written back). Kept aside, ten
    outputs of 2.4 GB would fill this machine's memory, and the next timings would pay for
    reclaiming it: system time of one 10k build went from 8 s to 65 s that way."""
    os.sync()
    for parent, _, files in os.walk(folder):
        for name in files:
            try:
                fd = os.open(os.path.join(parent, name), os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def median(xs):
    return statistics.median(xs)


def bench_size(n, runs, base, trash, incremental=True):
    corpus = os.path.join(base, f"corpus-{n}")
    if not os.path.exists(os.path.join(corpus, "seeds")):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), str(n), corpus], check=True)
    site = os.path.join(corpus, "site")
    copy = os.path.join(corpus, "site-copy")
    hugo_dir = os.path.join(corpus, "hugo")
    bodies = sorted(os.path.join(corpus, "bodies", f) for f in os.listdir(os.path.join(corpus, "bodies")))
    r = {"briefing": [], "briefing_rss": [], "hugo": [], "hugo_rss": [], "cmark": [], "cp": [], "swap": [], "incremental": [], "no_analysis": [], "cpu": [], "cpu_plain": [], "stages": [], "stages_plain": []}
    for run in range(runs):
        # Earlier outputs are moved aside, not deleted, until the timings are done: this
        # machine's ext4 is mounted with `discard`, and for minutes after many files are
        # deleted (TRIM sent to the device) writing files is several times slower, which
        # would charge one tool for the clean-up of another.
        def full_build():
            trash.take(site)
            shutil.rmtree(os.path.join(corpus, ".briefing-cache"), ignore_errors=True)
            t, rss, out = timed([BRIEFING, "build", "--quiet", "--timings", "--no-cache"], cwd=corpus, cpu=r["cpu"])
            r["briefing"].append(t); r["briefing_rss"].append(rss); r["stages"].append(stage_times(out))

        # The same build without the claim analysis: what the analysis costs. The two take
        # turns going first, so that neither always meets the disk in the state the
        # other left it in.
        plain = os.path.join(corpus, "site-no-analysis")

        def plain_build():
            trash.take(plain)
            t, _, out = timed([BRIEFING, "build", "--quiet", "--timings", "--no-cache", "--no-analysis", "-o", plain], cwd=corpus, cpu=r["cpu_plain"])
            r["no_analysis"].append(t); r["stages_plain"].append(stage_times(out))

        for build in ([full_build, plain_build] if run % 2 == 0 else [plain_build, full_build]):
            build()
        trash.take(plain)
        trash.take(os.path.join(hugo_dir, "public"))
        t, rss, _ = timed(["hugo", "--quiet", "-s", hugo_dir, "-d", os.path.join(hugo_dir, "public")])
        r["hugo"].append(t); r["hugo_rss"].append(rss)
        t, _, _ = timed(["sh", "-c", 'cmark "$@" > /dev/null', "cmark"] + bodies)
        r["cmark"].append(t)
        trash.take(copy)
        t, _, _ = timed(["cp", "-r", site, copy])
        r["cp"].append(t)
        trash.take(copy)
        # The floor of an incremental build that keeps the atomic swap: every unchanged
        # page hard-linked into a new folder, the previous folder removed. Removing hard
        # links frees no inodes, so it does not slow the timings after it (see Trash).
        links = os.path.join(corpus, "site-links")
        trash.take(links)
        t_link, _, _ = timed(["cp", "-al", site, links])
        t_remove, _, _ = timed(["rm", "-rf", links])
        r["swap"].append(t_link + t_remove)
    # Incremental: a warm cache, then one article edited.
    if not incremental:
        r["incremental"] = [float("nan")]
    else:
        r["incremental"] += incremental_runs(corpus, runs)
    files = count_files(site)
    hugo_pages = count_files(os.path.join(hugo_dir, "public"))
    def stage_medians(samples):
        return {k: median([s.get(k, 0.0) for s in samples]) for k in ["load", "extract", "link", "analyze", "render", "write"]}
    # Each run's full and plain builds follow one another: the ratio within a run is
    # not moved by the machine getting slower or faster between runs, as medians are.
    pairs = list(zip(r["briefing"], r["no_analysis"], r["cpu"], r["cpu_plain"]))
    return {"n": n, "files": files, "hugo_files": hugo_pages, "pairs": pairs,
            **{k: median(v) for k, v in r.items() if not k.startswith("stages")},
            "stages": stage_medians(r["stages"]), "stages_plain": stage_medians(r["stages_plain"])}


def compute_time(stages):
    """Every stage but writing."""
    return stages["load"] + stages["extract"] + stages["link"] + stages["analyze"] + stages["render"]


def incremental_runs(corpus, runs):
    """Builds once to warm the cache, then edits one article `runs` times."""
    out = []
    timed([BRIEFING, "build", "--quiet"], cwd=corpus)
    target = os.path.join(corpus, "seeds", "article-00007.md")
    original = open(target, encoding="utf-8").read()
    for i in range(runs):
        with open(target, "w", encoding="utf-8") as f:
            f.write(original + f"\nA spokesperson for the ministry said the review would take {i + 2} weeks.\n")
        t, _, _ = timed([BRIEFING, "build", "--quiet"], cwd=corpus)
        out.append(t)
    with open(target, "w", encoding="utf-8") as f:
        f.write(original)
    timed([BRIEFING, "build", "--quiet"], cwd=corpus)
    return out


def incremental_text(r):
    return "not measured" if math.isnan(r["incremental"]) else f"{r['incremental']:.2f} s"


def report(results, runs):
    lines = ["# Benchmark results", "",
             f"`make bench` on this machine ({os.cpu_count()} cores), median of {runs} runs (per size), one run after another in the same session.",
             "Corpus: bench/gen_corpus.py (~800 words an article, quotes and attributions, front matter, a sidecar for one article in 50).", ""]
    lines += ["| articles | briefing build | files written | hugo (articles only) | cmark floor | cp -r of output | hard-link copy + removal of output | incremental (1 article edited) | peak RSS briefing / hugo |",
              "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['n']:,} | {r['briefing']:.2f} s | {r['files']:,} | {r['hugo']:.2f} s ({r['hugo_files']:,} files) | {r['cmark']:.2f} s | {r['cp']:.2f} s | {r['swap']:.2f} s | {incremental_text(r)} | {r['briefing_rss']:.0f} MiB / {r['hugo_rss']:.0f} MiB |")
    lines += ["", "| articles | load | extract | link | analyze | render | write | compute (all but write) |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        for label, s in [(f"{r['n']:,}", r["stages"]), (f"{r['n']:,} without analysis", r["stages_plain"])]:
            lines.append(f"| {label} | {s['load']:.2f} | {s['extract']:.2f} | {s['link']:.2f} | {s['analyze']:.2f} | {s['render']:.2f} | {s['write']:.2f} | {compute_time(s):.2f} |")
    lines += ["", "Extraction speed: " + ", ".join(f"{r['n']:,} articles in {r['stages']['extract']:.2f} s = {r['n'] / max(r['stages']['extract'], 1e-9):,.0f} articles/s" for r in results)]
    lines += ["", "## Targets (ratios measured in the same run)", "", "| target | articles | measured | goal | met |", "|---|---|---|---|---|"]
    for r in results:
        s = r["stages"]
        compute = compute_time(s)
        checks = [
            ("briefing / hugo", r["briefing"] / r["hugo"], "< 1"),
            ("compute / cmark", compute / r["cmark"], "≤ 3"),
            ("write / cp -r", s["write"] / r["cp"], "≤ 1.5"),
            ("incremental / full", r["incremental"] / r["briefing"], "< 0.05"),
            ("  its floor: hard-link copy + removal / full", r["swap"] / r["briefing"], "—"),
            ("full / without analysis (issue 10)", r["briefing"] / r["no_analysis"], "≤ 1.15"),
            ("  compute stages only", compute / compute_time(r["stages_plain"]), "—"),
            ("  write stage only", s["write"] / max(r["stages_plain"]["write"], 1e-9), "—"),
            ("  user CPU time", r["cpu"] / r["cpu_plain"], "—"),
            ("  median of each run's own ratio (wall-clock)", median([f / p for f, p, _, _ in r["pairs"]]), "—"),
            ("  median of each run's own ratio (user CPU)", median([f / p for _, _, f, p in r["pairs"]]), "—"),
            ("pages per second", r["files"] / r["briefing"], "—"),
        ]
        for name, value, goal in checks:
            if math.isnan(value):
                lines.append(f"| {name} | {r['n']:,} | not measured | {goal} | — |")
                continue
            met = "—"
            if goal.startswith("<"):
                met = "yes" if value < float(goal[2:]) else "no"
            elif goal.startswith("≤"):
                met = "yes" if value <= float(goal[2:]) else "no"
            lines.append(f"| {name} | {r['n']:,} | {value:,.3f} | {goal} | {met} |")
        lines.append(f"| peak memory | {r['n']:,} | {r['briefing_rss']:.0f} MiB | < 1024 MiB | {'yes' if r['briefing_rss'] < 1024 else 'no'} |")
    if len(results) >= 2:
        small, large = results[0], results[-1]
        ratio = large["briefing"] / small["briefing"]
        lines.append(f"| {large['n']:,} build / {small['n']:,} build | — | {ratio:.2f} | ≤ {11 * large['n'] / small['n'] / 10:.0f} | {'yes' if ratio <= 1.1 * large['n'] / small['n'] else 'no'} |")
    lines += ["", "Each run's builds with and without the claim analysis (wall-clock s, user CPU s):", ""]
    for r in results:
        runs_text = "; ".join(f"{f:.2f} / {p:.2f} ({cf:.1f} / {cp:.1f})" for f, p, cf, cp in r["pairs"])
        lines.append(f"- {r['n']:,} articles: {runs_text}")
    return "\n".join(lines) + "\n"


def main():
    sizes = [int(s) for s in arg("--sizes", "1000,10000").split(",")]
    runs_list = [int(r) for r in arg("--runs", "3").split(",")]
    runs_list += [runs_list[-1]] * (len(sizes) - len(runs_list))
    base = arg("--dir", "/tmp/briefing-bench")
    out = arg("--out", os.path.join(ROOT, "docs", "benchmark.md"))
    os.makedirs(base, exist_ok=True)
    if not os.path.exists(BRIEFING):
        sys.exit("build first: swift build -c release")
    incremental_max = int(arg("--incremental-max", "100000000"))
    results = []
    trash = Trash(base)
    for n, runs in zip(sizes, runs_list):
        results.append(bench_size(n, runs, base, trash, incremental=n <= incremental_max))
        # Written after each size, so a long run leaves what it measured.
        text = report(results, ",".join(str(r) for r in runs_list[:len(results)]))
        with open(out, "w") as f:
            f.write(text)
    trash.empty()
    print(text)


if __name__ == "__main__":
    main()
