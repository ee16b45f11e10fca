#!/usr/bin/env python3
"""PPNBlog against Hugo on the same generated corpus, side by side on this machine.

    python3 bench/bench.py [--posts 1000 10000] [--runs 3]

For each corpus size it generates the corpus once with ../shared/bench/make-corpus.py (on tmpfs), then runs the
two generators alternately: the Release `ppnblog build` binary (published: native, compiled ahead of time) and Hugo through ../shared/bench/hugo-reference.
Every run writes into a fresh output folder on /dev/shm (never a delete just before the timed write); folders are
removed between runs, outside the timing. It prints median wall time, median peak RSS (the process and its
children, from wait4), PPNBlog/Hugo ratios, and checks PPNBlog wrote at least Hugo's page count.
PPNBlog is timed without its search index (Hugo's reference has none) and once more with it, reported apart.
Beside each ratio it prints the floor under any build of that site, from bench/Floor timed the same way: Markdig
alone turning the corpus's Markdown into HTML, and writing the files of PPNBlog's output into a fresh folder.
It also times the cold build of the real input/ (whole process), and serve mode: under a running `ppnblog serve`
on the largest corpus, the time from saving an edited post (and once the theme) to the updated page on disk.
"""
import argparse
import glob
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
SCRATCH = "/dev/shm/ppnblog-bench"
BINARY = os.path.join(SCRATCH, "bin", "ppnblog")
FLOOR = os.path.join(SCRATCH, "floor-bin", "ppnblog-floor")


def run(command, cwd=None):
    """Wall seconds and peak RSS (MiB) of one command, its children included, and what it printed."""
    with tempfile.TemporaryFile() as printed:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=printed, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        printed.seek(0)
        text = printed.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{text}")
    return wall, usage.ru_maxrss / 1024, text


def stages(printed):
    """Milliseconds of each stage, from the timings at the end of ppnblog build's summary line."""
    listed = re.search(r" in \d+ ms \((.*)\)\.$", printed.strip().splitlines()[-1]).group(1)
    return {stage: int(ms) for stage, ms in re.findall(r"(.+?) (\d+) ms(?:, |$)", listed)}


def floor(arguments):
    """Seconds and size that bench/Floor reports for one of its measurements."""
    result = subprocess.run([FLOOR, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: ppnblog-floor {' '.join(arguments)}\n{result.stderr}")
    seconds, size = result.stdout.split()
    return float(seconds), int(size)


def pages(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def corpus_of(count):
    """The synthetic blog of count posts, generated once on tmpfs."""
    corpus = os.path.join(SCRATCH, f"corpus-{count}")
    if not os.path.isdir(os.path.join(corpus, "input")):
        subprocess.run(["python3", os.path.join(SHARED, "make-corpus.py"), str(count), corpus], check=True, stdout=subprocess.DEVNULL)
    return corpus


def fresh(name):
    path = os.path.join(SCRATCH, name)
    shutil.rmtree(path, ignore_errors=True)
    return path


def timed_write(path, text, done, what, mode="w"):
    """Seconds from writing text to path until done() holds: serve has published the change."""
    start = time.perf_counter()
    with open(path, mode, encoding="utf-8") as f:
        f.write(text)
    while not done():
        if time.perf_counter() - start > 120:
            sys.exit(f"serve did not publish {what} within 2 minutes")
        time.sleep(0.002)
    return time.perf_counter() - start


def holds(path, text):
    """Whether the file at path exists and holds text."""
    try:
        return text in open(path, encoding="utf-8").read()
    except FileNotFoundError:
        return False


def serve_edits(corpus, edits):
    """Under ppnblog serve: median seconds from saving a post (a new title) to its page on disk with that title, then
    seconds from a stylesheet edit to the published stylesheet and from a template edit to the post's page."""
    work = fresh("serve")
    shutil.copytree(os.path.join(corpus, "input"), os.path.join(work, "input"))
    shutil.copytree(os.path.join(ROOT, "theme"), os.path.join(work, "theme"), ignore=shutil.ignore_patterns("node_modules"))
    os.symlink(os.path.join(ROOT, "theme", "node_modules"), os.path.join(work, "theme", "node_modules"))
    out = os.path.join(work, "_site")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    server = subprocess.Popen([BINARY, "serve", "--port", port, "--input", os.path.join(work, "input"), "--theme", os.path.join(work, "theme"), "--output", out, "--no-search"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    serving = threading.Event()
    builds = queue.Queue()

    def drain():
        # Read everything serve prints, so a full pipe never blocks it; each rebuild's summary line is kept.
        for line in server.stdout:
            if line.startswith("Serving "):
                serving.set()
            elif line.startswith("Built ") and serving.is_set():
                builds.put(line)

    threading.Thread(target=drain, daemon=True).start()
    try:
        while not serving.wait(0.5):
            if server.poll() is not None:
                sys.exit(f"ppnblog serve exited with code {server.returncode} before serving")
        # A published post from the middle of the corpus (future-dated posts have no page).
        sources = {os.path.splitext(os.path.basename(f))[0]: f for f in glob.glob(os.path.join(work, "input", "posts", "*", "*.md"))}
        slugs = sorted(slug for slug in sources if os.path.exists(os.path.join(out, "posts", slug, "index.html")))
        slug = slugs[len(slugs) // 2]
        post, page = sources[slug], os.path.join(out, "posts", slug, "index.html")
        text = open(post, encoding="utf-8").read()
        times, rebuilds, written, rendered = [], [], [], []
        for i in range(edits):
            title = f"Benchmark edit {i}"
            edited = text.replace("title: ", f"title: \"{title}\"\nx-old-title: ", 1)
            times.append(timed_write(post, edited, lambda: holds(page, title), f"the title edit {i}"))
            # Then the whole rebuild (archives, home, feeds, API) as serve reports it, before the next edit.
            summary = builds.get(timeout=120)
            rebuilds.append(int(re.search(r"in (\d+) ms", summary).group(1)) / 1000)
            counts = re.search(r"; (\d+) pages rendered again, (\d+) files changed", summary)
            rendered.append(int(counts.group(1)) if counts else 0)
            written.append(int(counts.group(2)) if counts else 0)
            # An editor's pause before the next save (serve collects garbage between rebuilds, not during them).
            time.sleep(0.5)
        # No page anywhere may still show an earlier title (archives, tags, home, related posts, feeds, API).
        stale = subprocess.run(["grep", "-rl", f"Benchmark edit {edits - 2}\\b", out], capture_output=True, text=True).stdout.split() if edits > 1 else []
        if stale:
            sys.exit(f"stale pages after the title edits: {stale[:5]}")
        # A new post (a copy of the edited one under a new name), until its page is on disk.
        new_post = timed_write(os.path.join(os.path.dirname(post), "ppn-bench-new-post.md"),
                               text.replace("title: ", "title: \"A new benchmark post\"\nx-old-title: ", 1),
                               lambda: os.path.exists(os.path.join(out, "posts", "ppn-bench-new-post", "index.html")), "the new post")
        builds.get(timeout=120)
        # Theme edits: the site's own stylesheet until its published copy changes, then the post template until the
        # edited post's page does.
        published_css = os.path.join(out, "assets", "ppnblog.css")
        stylesheet_edit = timed_write(os.path.join(work, "theme", "assets", "css", "ppnblog.css"), "\n.ppn-bench-edit{color:#005eb8}\n",
                                      lambda: holds(published_css, "ppn-bench-edit"), "the stylesheet edit", mode="a")
        template_edit = timed_write(os.path.join(work, "theme", "templates", "post.liquid"), "\n<!-- ppn-bench-edit -->\n",
                                    lambda: holds(page, "ppn-bench-edit"), "the template edit", mode="a")
        return {"page": statistics.median(times), "rebuild": statistics.median(rebuilds), "rendered": statistics.median(rendered),
                "written": statistics.median(written), "new_post": new_post, "stylesheet": stylesheet_edit, "template": template_edit}
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="alternating build runs (0: only the serve edits)")
    parser.add_argument("--edits", type=int, default=20, help="post edits timed under ppnblog serve (0: skip)")
    args = parser.parse_args()
    if not shutil.which("hugo"):
        sys.exit("hugo is not installed: apt-get install hugo")
    # The Release builds, published for this machine: native code, compiled ahead of time, as a deployment would run it.
    for project, binary in ((os.path.join("src", "Generator"), BINARY), (os.path.join("bench", "Floor"), FLOOR)):
        shutil.rmtree(os.path.dirname(binary), ignore_errors=True)
        publish = subprocess.run(["dotnet", "publish", os.path.join(ROOT, project), "-c", "Release", "-r", "linux-x64",
                                  "-o", os.path.dirname(binary), "-nologo"], capture_output=True, text=True)
        if publish.returncode != 0:
            sys.exit(f"dotnet publish {project} failed:\n{publish.stdout}{publish.stderr}")
    os.makedirs(SCRATCH, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; outputs on /dev/shm; {args.runs} alternating runs each; medians\n")
    print(f"{'posts':>6} {'generator':<24} {'wall s':>8} {'peak MiB':>9} {'pages':>7} {'vs Hugo':>8}")
    for count in args.posts if args.runs > 0 else []:
        corpus = corpus_of(count)
        results = {"ppnblog": [], "hugo": []}
        page_counts = {}
        for i in range(args.runs):
            out = fresh(f"hugo-{count}")
            results["hugo"].append(run([os.path.join(SHARED, "hugo-reference", "build.sh"), corpus, out]))
            page_counts["hugo"] = pages(out)
            shutil.rmtree(out, ignore_errors=True)
            out = fresh(f"ppnblog-{count}")
            results["ppnblog"].append(run([BINARY, "build", "--input", os.path.join(corpus, "input"), "--theme", os.path.join(ROOT, "theme"), "--output", out, "--no-search"]))
            page_counts["ppnblog"] = pages(out)
            if i < args.runs - 1:
                shutil.rmtree(out, ignore_errors=True)
        # The floor: Markdig alone, then writing the last build's files again, alternately, each timed inside its process.
        floors = {"markdown": [], "write": []}
        for i in range(args.runs):
            floors["markdown"].append(floor(["markdown", os.path.join(corpus, "input")]))
            written = fresh(f"floor-{count}")
            floors["write"].append(floor(["write", out, written]))
            shutil.rmtree(written, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        out = fresh(f"search-{count}")
        with_search = run([BINARY, "build", "--input", os.path.join(corpus, "input"), "--theme", os.path.join(ROOT, "theme"), "--output", out])
        shutil.rmtree(out, ignore_errors=True)
        hugo_wall = statistics.median(r[0] for r in results["hugo"])
        hugo_rss = statistics.median(r[1] for r in results["hugo"])
        for name, label in (("hugo", "hugo (reference)"), ("ppnblog", "ppnblog (no search)")):
            wall = statistics.median(r[0] for r in results[name])
            rss = statistics.median(r[1] for r in results[name])
            ratio = "" if name == "hugo" else f"{wall / hugo_wall:.2f}x"
            print(f"{count:>6} {label:<24} {wall:>8.2f} {rss:>9.0f} {page_counts[name]:>7} {ratio:>8}")
        print(f"{count:>6} {'ppnblog (with search)':<24} {with_search[0]:>8.2f} {with_search[1]:>9.0f} {'':>7} {with_search[0] / hugo_wall:>7.2f}x")
        print(f"{'':>6} peak memory ppnblog/hugo: {statistics.median(r[1] for r in results['ppnblog']) / hugo_rss:.2f}")
        timings = [stages(r[2]) for r in results["ppnblog"]]
        print(f"{'':>6} ppnblog by stage (ms, median; x Hugo): " + ", ".join(
            f"{stage} {median:.0f} ({median / 1000 / hugo_wall:.2f}x)" for stage in timings[0]
            for median in [statistics.median(t[stage] for t in timings)]))
        markdown, write = (statistics.median(seconds for seconds, _ in floors[part]) for part in ("markdown", "write"))
        size = floors["write"][0][1]
        print(f"{'':>6} floor: Markdig alone {markdown:.2f} s + writing ppnblog's {size / 2**20:.0f} MiB {write:.2f} s"
              f" = {markdown + write:.2f} s ({(markdown + write) / hugo_wall:.2f}x Hugo)")
        if page_counts["ppnblog"] < page_counts["hugo"]:
            sys.exit(f"PPNBlog wrote {page_counts['ppnblog']} pages, fewer than Hugo's {page_counts['hugo']}")
    cold = []
    for i in range(args.runs):
        out = fresh("real")
        cold.append(run([BINARY, "build", "--input", os.path.join(ROOT, "input"), "--theme", os.path.join(ROOT, "theme"), "--output", out])[0])
        shutil.rmtree(out, ignore_errors=True)
    if cold:
        print(f"\nreal input/ cold build (whole process, with search): {statistics.median(cold):.2f} s")
    if args.edits > 0:
        largest = corpus_of(max(args.posts))
        serve = serve_edits(largest, args.edits)
        print(f"serve (no search), {max(args.posts)} posts, a post's title edited {args.edits} times (medians): its page on disk in"
              f" {serve['page'] * 1000:.0f} ms; the whole rebuild {serve['rebuild'] * 1000:.0f} ms, {serve['rendered']:.0f} pages rendered,"
              f" {serve['written']:.0f} files written; no stale page. A new post on disk: {serve['new_post'] * 1000:.0f} ms."
              f" The theme's stylesheet edited: {serve['stylesheet'] * 1000:.0f} ms;"
              f" the post template edited (every post page again): {serve['template'] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
