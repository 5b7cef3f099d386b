"""Going live on a git host: the files `init` writes run as the host runs them, pass the linters
and schemas the hosts use, and install giaoviec from a source the user controls.

The GitHub workflow is run job by job the way Actions runs it: `${{ … }}` expressions from a
pull-request context, `if:` conditions with `always()`, `bash -e` for each `run:`, the install step
pointed at this checkout, artefacts carried from job to job, and a stand-in `gh` that records the
comment it would post. The steps that are GitHub's own actions (checkout, setup-python, artefacts,
upload-sarif) are played by the harness: the repository is already checked out, Python is this one,
and the SARIF that upload-sarif would send is validated against the official schema instead."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT, subprocess_cli
from test_review import ASSIGNMENT, CADRES, ENV, REL, UNITS_ADD, git

BIN = Path(sys.executable).parent
ZIZMOR = shutil.which("zizmor") or str(BIN / "zizmor")
CHECK = shutil.which("check-jsonschema") or str(BIN / "check-jsonschema")


@pytest.fixture
def repo(tmp_path):
    """A repository made by `init` (which runs git init and commits), with one cadre and one task."""
    root = tmp_path / "kho"
    run = subprocess_cli("init", str(root), "--organization", "Đảng bộ tỉnh Phú Thọ", env={**os.environ, **ENV})
    assert run.code == 0 and "Kho mới kiểm tra đạt" in run.err and "Các bước tiếp theo" in run.out, run.err
    assert (root / ".git").is_dir() and git(root, "branch", "--show-current").strip() == "main"
    (root / "org/cadres.yaml").write_text(CADRES, encoding="utf-8")
    with open(root / "org/units.yaml", "a", encoding="utf-8") as units:
        units.write(UNITS_ADD)
    (root / REL).parent.mkdir(parents=True)
    (root / REL).write_text(ASSIGNMENT, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    return root


def test_init_commits_when_asked_and_says_why_when_git_cannot(tmp_path):
    root = tmp_path / "a"
    run = subprocess_cli("init", str(root), "--commit", env={**os.environ, **ENV})
    assert run.code == 0 and "Đã commit các tệp vào git." in run.err
    assert git(root, "log", "--format=%s").strip() == "Khởi tạo kho dữ liệu giao việc (giaoviec init)"
    nobody = {"HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(tmp_path / "none"), "GIT_CONFIG_COUNT": "1",
              "GIT_CONFIG_KEY_0": "user.useConfigOnly", "GIT_CONFIG_VALUE_0": "true"}  # git with no identity: it refuses to commit
    second = subprocess_cli("init", str(tmp_path / "b"), "--commit", env=nobody)
    assert second.code == 2 and "git không commit được" in second.err and "git config user.name" in second.err
    assert (tmp_path / "b/giaoviec.yaml").exists() and (tmp_path / "b/.git").is_dir()  # the files and the repository are kept
    inner = root / "con"
    assert subprocess_cli("init", str(inner)).code == 0 and not (inner / ".git").exists()  # inside a work tree: no nested repository


def test_the_install_source_is_the_users_choice(tmp_path):
    default = tmp_path / "d"
    assert subprocess_cli("init", str(default)).code == 0
    from giaoviec import __version__

    requirement = f"giaoviec @ git+https://github.com/giaoviec/giaoviec@v{__version__}"
    workflow = yaml.safe_load((default / ".github/workflows/giaoviec.yml").read_text(encoding="utf-8"))
    assert workflow["jobs"]["check"]["env"]["GIAOVIEC_INSTALL"] == requirement
    assert yaml.safe_load((default / ".gitlab-ci.yml").read_text(encoding="utf-8"))["giaoviec"]["variables"]["GIAOVIEC_INSTALL"] == requirement
    hooks = yaml.safe_load((default / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert hooks["language"] == "python" and hooks["additional_dependencies"] == [requirement]
    mirror = tmp_path / "m"
    assert subprocess_cli("init", str(mirror), "--source", "https://git.tinh.vn/cntt/giaoviec", "--ref", "0123abc").code == 0
    assert "giaoviec @ git+https://git.tinh.vn/cntt/giaoviec@0123abc" in (mirror / ".github/workflows/giaoviec.yml").read_text(encoding="utf-8")
    index = tmp_path / "i"
    assert subprocess_cli("init", str(index), "--pip", "giaoviec==0.1.0").code == 0
    assert yaml.safe_load((index / ".gitlab-ci.yml").read_text(encoding="utf-8"))["giaoviec"]["variables"]["GIAOVIEC_INSTALL"] == "giaoviec==0.1.0"


def test_the_generated_files_pass_the_hosts_schemas_and_the_workflow_linter(repo):
    """zizmor (at its strictest persona) finds nothing in the workflow, nor in this repository's
    composite action; GitHub's and GitLab's schemas (vendored by check-jsonschema) accept the CI files."""
    for target in (repo, PROJECT / "action.yml"):
        proc = subprocess.run([ZIZMOR, "--offline", "--no-progress", "--persona=auditor", str(target)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    for schema, path in (("vendor.github-workflows", repo / ".github/workflows/giaoviec.yml"), ("vendor.gitlab-ci", repo / ".gitlab-ci.yml"),
                         ("vendor.github-actions", PROJECT / "action.yml")):
        proc = subprocess.run([CHECK, "--builtin-schema", schema, str(path)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    workflow = yaml.safe_load((repo / ".github/workflows/giaoviec.yml").read_text(encoding="utf-8"))
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]  # pinned to a commit
            assert "${{" not in step.get("run", ""), step["run"]  # inputs only through env:
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["code-scanning"]["permissions"]["security-events"] == "write"
    assert all("security-events" not in j.get("permissions", {}) for name, j in workflow["jobs"].items() if name != "code-scanning")


def test_the_gitlab_component_runs_the_same_steps_as_the_file_init_writes(repo):
    component = list(yaml.safe_load_all((PROJECT / "templates/giaoviec.yml").read_text(encoding="utf-8")))
    assert set(component[0]["spec"]["inputs"]) == {"install", "image", "stage"}
    ours = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))["giaoviec"]
    for key in ("script", "after_script", "artifacts", "rules"):
        assert component[1]["giaoviec"][key] == ours[key], key


# -- running the workflow -----------------------------------------------------------------------------

@dataclass
class Host:
    """What GitHub gives a run: the event's context, the artefact store, the comments of the pull request."""

    tmp: Path
    context: dict[str, str]
    artefacts: dict[str, Path] = field(default_factory=dict)
    summary: Path = field(init=False)

    def __post_init__(self):
        self.summary = self.tmp / "step-summary.md"
        self.summary.write_text("", encoding="utf-8")
        calls = self.tmp / "gh-calls.jsonl"
        if not calls.exists():
            calls.write_text("", encoding="utf-8")

    def expand(self, text: str) -> str:
        def value(m: re.Match) -> str:
            expression = m.group(1).strip()
            assert expression in self.context, f"the harness does not know ${{{{ {expression} }}}}"
            return self.context[expression]
        return re.sub(r"\$\{\{(.*?)\}\}", value, text)

    def condition(self, text: str | None, failed: bool) -> bool:
        if text is None:
            return not failed
        expression = text
        for name in sorted(self.context, key=len, reverse=True):
            expression = expression.replace(name, repr(self.context[name]))
        expression = expression.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
        return (not failed or "always()" in text) and bool(eval(expression, {}))  # our own workflow's text, nothing else


def _gh_stub(folder: Path, calls: Path) -> None:
    """`gh api …` as the pull request's comments would answer it: none yet, then the one posted."""
    folder.mkdir(parents=True, exist_ok=True)
    stub = folder / "gh"
    stub.write_text(f"""#!{sys.executable}
import json, sys
from pathlib import Path
calls = Path({str(calls)!r})
args = sys.argv[1:]
posted = [json.loads(line) for line in calls.read_text(encoding="utf-8").splitlines()]
body = next((a.split("=@", 1)[1] for a in args if a.startswith("body=@")), None)
record = {{"args": args, "body": Path(body).read_text(encoding="utf-8") if body else None}}
with calls.open("a", encoding="utf-8") as f:
    f.write(json.dumps(record, ensure_ascii=False) + "\\n")
if "--jq" in args and any(p.get("body") for p in posted):
    print("4242")
""", encoding="utf-8")
    stub.chmod(0o755)


def run_job(host: Host, job: dict, workdir: Path, env: dict[str, str]) -> list[tuple[str, bool]]:
    """Each step as Actions runs it; (step name, passed) for the steps that ran."""
    from test_cli import _sarif_schema

    ran: list[tuple[str, bool]] = []
    failed = False
    job_env = {k: host.expand(str(v)) for k, v in (job.get("env") or {}).items()}
    for step in job["steps"]:
        if not host.condition(step.get("if"), failed):
            continue
        name = step.get("name") or step.get("uses", "")
        uses = step.get("uses", "")
        with_ = step.get("with") or {}
        ok = True
        if uses.startswith(("actions/checkout@", "actions/setup-python@")):
            pass  # the repository is checked out with its history; Python is this one
        elif uses.startswith("actions/upload-artifact@"):
            store = host.tmp / "artefacts" / with_["name"]
            store.mkdir(parents=True, exist_ok=True)
            for rel in str(with_["path"]).split():
                if (workdir / rel).exists():
                    shutil.copy(workdir / rel, store / rel)
            host.artefacts[with_["name"]] = store
        elif uses.startswith("actions/download-artifact@"):
            shutil.copytree(host.artefacts[with_["name"]], workdir, dirs_exist_ok=True)
        elif uses.startswith("github/codeql-action/upload-sarif@"):
            import jsonschema

            jsonschema.Draft4Validator(_sarif_schema()).validate(json.loads((workdir / with_["sarif_file"]).read_text(encoding="utf-8")))
        else:
            assert "run" in step, f"the harness does not play {uses}"
            step_env = {k: host.expand(str(v)) for k, v in (step.get("env") or {}).items()}
            script = host.tmp / "step.sh"
            script.write_text(step["run"], encoding="utf-8")
            proc = subprocess.run(["bash", "-e", str(script)], cwd=workdir, env={**env, **job_env, **step_env},
                                  capture_output=True, text=True, timeout=300)
            ok = proc.returncode == 0
            if not ok and step.get("continue-on-error"):
                ok = True
            (host.tmp / "log.txt").open("a", encoding="utf-8").write(f"== {name} ({proc.returncode})\n{proc.stdout}\n{proc.stderr}\n")
        ran.append((name, ok))
        failed = failed or not ok
    return ran


def installed(tmp: Path) -> Path:
    """The install step's target: giaoviec built from a copy of this checkout (not the test's own
    editable install), its dependencies taken from the test environment."""
    source = tmp / "giaoviec-src"
    shutil.copytree(PROJECT, source, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", "tests", "docs",
                                                                   "examples", "benchmarks", ".hypothesis", ".pytest_cache"))
    return source


def play(repo: Path, tmp: Path, pr_number: str = "7") -> tuple[Host, dict[str, list[tuple[str, bool]]]]:
    workflow = yaml.safe_load((repo / ".github/workflows/giaoviec.yml").read_text(encoding="utf-8"))
    host = Host(tmp, {
        "github.base_ref": "main", "github.server_url": "https://github.com", "github.repository": "tinh/kho", "github.run_id": "99",
        "github.event_name": "pull_request", "github.event.pull_request.number": pr_number, "github.token": "t0ken",
        "github.event.pull_request.head.repo.full_name": "tinh/kho", "github.event.pull_request.number || github.ref": pr_number,
    })
    site = tmp / "site"
    stubs = tmp / "stubs"
    _gh_stub(stubs, tmp / "gh-calls.jsonl")
    env = {**{k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}, **ENV,
           "PATH": os.pathsep.join([str(site / "bin"), str(stubs), str(BIN), os.environ["PATH"]]), "PYTHONPATH": str(site),
           "PIP_NO_DEPS": "1", "PIP_TARGET": str(site), "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1",
           "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(host.summary), "GITHUB_WORKSPACE": str(repo), "NO_COLOR": "1"}
    ran = {}
    install = installed(tmp)
    check = dict(workflow["jobs"]["check"])
    check["env"] = {**check["env"], "GIAOVIEC_INSTALL": str(install)}  # the install step, pointed at this checkout
    ran["check"] = run_job(host, check, repo, env)
    for name in ("comment", "code-scanning"):
        job = workflow["jobs"][name]
        if host.condition(job.get("if"), False):
            work = tmp / name
            work.mkdir(exist_ok=True)
            ran[name] = run_job(host, job, work, env)
    return host, ran


def test_the_workflow_runs_as_the_host_runs_it(repo, tmp_path):
    """A pull request that eases a target without a decision: the check fails at validate --base, and
    still the summary, the SARIF and the comment are made (if: always()); the comment is posted once
    and updated on the next push."""
    git(repo, "update-ref", "refs/remotes/origin/main", "main")  # as actions/checkout leaves it
    git(repo, "checkout", "-qb", "pr")
    path = repo / REL
    path.write_text(path.read_text(encoding="utf-8").replace("target: 12}", "target: 8}"), encoding="utf-8")
    git(repo, "commit", "-qam", "lower a target")
    host, ran = play(repo, tmp_path)
    log = (tmp_path / "log.txt").read_text(encoding="utf-8")
    steps = dict(ran["check"])
    assert steps["Cài giaoviec"] and (tmp_path / "site/giaoviec/__init__.py").exists(), log  # installed from this checkout
    assert steps["Kiểm tra dữ liệu (giaoviec validate)"], log  # the data of the pull request is valid …
    assert not steps["Thay đổi điều khoản phải có quyết định điều chỉnh"], log  # … but the target was cut without a decision
    assert steps["Tóm tắt thay đổi"] and steps["Điểm số năm nay"], log  # always() after the failure
    summary = host.summary.read_text(encoding="utf-8")
    assert "nhiệm vụ 01: chỉ tiêu giảm từ 12 xuống 8" in summary and "Kết quả chấm điểm năm" in summary
    assert all(ok for _name, ok in ran["comment"]) and all(ok for _name, ok in ran["code-scanning"]), log
    calls = [json.loads(line) for line in (tmp_path / "gh-calls.jsonl").read_text(encoding="utf-8").splitlines()]
    posts = [c for c in calls if "POST" in c["args"]]
    assert len(posts) == 1 and posts[0]["args"][3] == "repos/tinh/kho/issues/7/comments"
    assert posts[0]["body"].startswith("<!-- giaoviec -->\n") and "chỉ tiêu giảm từ 12 xuống 8" in posts[0]["body"]
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(tmp_path / "gh-calls.jsonl", again / "gh-calls.jsonl")
    _host, ran_again = play(repo, again)
    assert all(ok for _name, ok in ran_again["comment"])
    calls = [json.loads(line) for line in (again / "gh-calls.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [c["args"][3] for c in calls if "PATCH" in c["args"]] == ["repos/tinh/kho/issues/comments/4242"]  # the same comment, updated
    assert len([c for c in calls if "POST" in c["args"]]) == 1


def test_the_composite_action_runs_its_steps(repo, tmp_path):
    """action.yml at the root of this repository, run as a composite action: giaoviec from the
    action's own source (github.action_path, here this checkout), then the same checks."""
    git(repo, "update-ref", "refs/remotes/origin/main", "main")
    action = yaml.safe_load((PROJECT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    inputs = {f"inputs.{k}": str(v.get("default", "")) for k, v in action["inputs"].items()} | {"inputs.base": "main"}
    host = Host(tmp_path, {**inputs, "github.action_path": str(installed(tmp_path)), "github.server_url": "https://github.com",
                           "github.repository": "tinh/kho", "github.run_id": "1"})
    site = tmp_path / "site"
    env = {**{k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}, **ENV,
           "PATH": os.pathsep.join([str(site / "bin"), str(BIN), os.environ["PATH"]]), "PYTHONPATH": str(site),
           "PIP_NO_DEPS": "1", "PIP_TARGET": str(site), "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(host.summary), "NO_COLOR": "1"}
    ran = run_job(host, {"steps": action["runs"]["steps"]}, repo, env)
    assert all(ok for _name, ok in ran) and len(ran) == 6, (tmp_path / "log.txt").read_text(encoding="utf-8")
    assert (repo / "giaoviec.sarif").exists() and (repo / "giaoviec-diff.md").read_text(encoding="utf-8").startswith("<!-- giaoviec -->")


# -- pre-commit, with no environment active -----------------------------------------------------------

def _no_env(tmp: Path) -> dict[str, str]:
    """A shell where no virtual environment is active and giaoviec is not on PATH (a commit from a
    GUI): pre-commit must install giaoviec itself."""
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if Path(p).resolve() != BIN.resolve())
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    return {**env, **ENV, "PATH": path, "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"), "NO_COLOR": "1"}


def _pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_pre_commit_installs_giaoviec_itself(repo, tmp_path):
    """`pre-commit try-repo` on this repository's hooks, and the config `init` writes (pointed at a
    copy of this checkout), pass on clean data and fail on broken data, with no environment active."""
    env = _no_env(tmp_path)
    assert shutil.which("giaoviec", path=env["PATH"]) is None
    assert _pre_commit("validate-config", str(repo / ".pre-commit-config.yaml"), cwd=repo, env=env).returncode == 0
    clean = _pre_commit("try-repo", str(PROJECT), "giaoviec-validate", "--all-files", cwd=repo, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    source = installed(tmp_path)
    local = tmp_path / "local"
    assert subprocess_cli("init", str(local), "--pip", f"giaoviec @ {source.as_uri()}", env={**os.environ, **ENV}).code == 0
    git(local, "add", "-A")
    assert _pre_commit("run", "--all-files", cwd=local, env=env).returncode == 0
    for root in (repo, local):
        (root / "assignments/x.yaml").write_text("apiVersion: giaoviec/v1\nkind: Assignment\ncadre: khong-co\n", encoding="utf-8")
        git(root, "add", "-A")
    broken = _pre_commit("try-repo", str(PROJECT), "giaoviec-validate-changed", "--files", "assignments/x.yaml", cwd=repo, env=env)
    assert broken.returncode == 1 and "assignments/x.yaml" in broken.stdout and "schema.missing" in broken.stdout, broken.stdout + broken.stderr
    ours = _pre_commit("run", "--all-files", cwd=local, env=env)
    assert ours.returncode == 1 and "assignments/x.yaml" in ours.stdout, ours.stdout + ours.stderr
