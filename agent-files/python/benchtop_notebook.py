"""Run a Jupyter notebook headless, as a Benchtop job.

    python3 -m benchtop_notebook analysis.ipynb [--kernel NAME] [--output PATH]

Runs every code cell in order with nbclient, on the kernel the notebook's metadata names
(`metadata.kernelspec.name`, else python3), in the notebook's folder. After every cell the
executed notebook, outputs included, is written to $BENCHTOP_OUTPUT_DIR/<name>.ipynb (kept as
the job's artifact), so a crash or a cancel keeps what ran. Each cell's progress and its
stdout/stderr go to this process's stdout/stderr as they come, so the job's log is live (and
`::metric` lines a cell prints are charted like any job's). Exit status 1 when a cell fails,
naming it; 2 for a notebook that cannot be read.

The agent puts this module on PYTHONPATH. When the `python3` found first has no nbclient (a
pyenv or venv Python), it runs itself again with the system's Python that has.
"""
import argparse
import os
import signal
import sys
import time

_REEXEC = "BENCHTOP_NOTEBOOK_REEXEC"


def _import_nbclient():
    try:
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401
        return True
    except ImportError:
        if os.environ.get(_REEXEC):
            return False
        for candidate in ("/usr/bin/python3", "/usr/local/bin/python3"):
            if os.path.exists(candidate) and os.path.realpath(candidate) != os.path.realpath(sys.executable):
                os.environ[_REEXEC] = "1"
                os.execv(candidate, [candidate, "-m", "benchtop_notebook", *sys.argv[1:]])
        return False


def _say(text):
    print(f"[notebook] {text}", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="benchtop_notebook", description="Run a notebook headless.")
    parser.add_argument("notebook")
    parser.add_argument("--kernel", help="kernelspec name (default: the notebook's own)")
    parser.add_argument("--output", help="where to write the executed notebook (default: $BENCHTOP_OUTPUT_DIR/<name>.ipynb)")
    parser.add_argument("--cell-timeout", type=float, default=None, help="seconds one cell may run (default: no limit)")
    args = parser.parse_args(argv)

    if not _import_nbclient():
        print("benchtop_notebook: no Python with nbclient and nbformat was found (apt install python3-nbclient python3-ipykernel).", file=sys.stderr)
        return 127
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    path = os.path.abspath(args.notebook)
    try:
        nb = nbformat.read(path, as_version=4)
    except FileNotFoundError:
        print(f"benchtop_notebook: the notebook {args.notebook} does not exist.", file=sys.stderr)
        return 2
    except Exception as e:  # nbformat raises several kinds for a bad file
        print(f"benchtop_notebook: {args.notebook} is not a notebook nbformat can read ({e}).", file=sys.stderr)
        return 2

    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # the kernel inherits it: no debugger warning in the log
    kernel = args.kernel or nb.metadata.get("kernelspec", {}).get("name") or "python3"
    out_dir = os.environ.get("BENCHTOP_OUTPUT_DIR") or os.path.dirname(path)
    name = os.path.basename(path)
    output = os.path.abspath(args.output) if args.output else os.path.join(out_dir, name if os.environ.get("BENCHTOP_OUTPUT_DIR") else name[:-6] + ".executed.ipynb")
    os.makedirs(os.path.dirname(output), exist_ok=True)

    def save():
        tmp = output + ".tmp"
        nbformat.write(nb, tmp)
        os.replace(tmp, output)

    class LiveClient(NotebookClient):
        """Prints each output as it arrives, besides keeping it in the notebook."""

        def process_message(self, msg, cell, cell_index):
            kind = msg.get("msg_type") or msg["header"]["msg_type"]
            content = msg.get("content", {})
            if kind == "stream":
                stream = sys.stderr if content.get("name") == "stderr" else sys.stdout
                stream.write(content.get("text", ""))
                stream.flush()
            elif kind == "error":
                sys.stderr.write("\n".join(content.get("traceback", [])) + "\n")
                sys.stderr.flush()
            return super().process_message(msg, cell, cell_index)

    client = LiveClient(nb, kernel_name=kernel, timeout=args.cell_timeout, allow_errors=False, record_timing=True, resources={"metadata": {"path": os.path.dirname(path)}})

    # A cancel (SIGTERM from the agent) ends the kernel through nbclient's clean-up, and what ran is kept.
    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)

    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    _say(f"{name}: {len(code_cells)} code cell(s) on the {kernel} kernel; executed copy at {output}")
    save()
    started = time.monotonic()
    failed = None
    try:
        with client.setup_kernel():
            for n, index in enumerate(code_cells, start=1):
                cell = nb.cells[index]
                first = next((line for line in cell.source.splitlines() if line.strip()), "")[:70]
                _say(f"cell {n}/{len(code_cells)} (#{index + 1}) {first}")
                t0 = time.monotonic()
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as e:
                    failed = (n, index, getattr(e, "ename", "Error"), getattr(e, "evalue", ""))
                    save()
                    break
                except DeadKernelError as e:
                    failed = (n, index, "DeadKernelError", str(e))
                    save()
                    break
                save()
                _say(f"cell {n}/{len(code_cells)} done in {time.monotonic() - t0:.1f} s")
    except KeyboardInterrupt:
        save()
        _say("stopped (cancelled); the cells that ran are kept in the executed notebook")
        return 130
    if failed:
        n, index, ename, evalue = failed
        message = f"cell {n}/{len(code_cells)} (#{index + 1}) failed: {ename}: {evalue}".strip().rstrip(":")
        _say(message)
        print(f"benchtop_notebook: {message}", file=sys.stderr, flush=True)
        return 1
    _say(f"all {len(code_cells)} cell(s) ran in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
