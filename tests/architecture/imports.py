"""The import graph of the project's own modules, every import counted (deferred ones too: an
import inside a function still ties the two modules together)."""

import ast

NOT_APPS = {"tests"}


def project_packages(root):
    return sorted(
        path.name
        for path in root.iterdir()
        if (path / "__init__.py").exists() and path.name not in NOT_APPS
    )


def modules(root, packages):
    """Dotted module name → file, for every module of those packages but their migrations."""
    found = {}
    for package in packages:
        for path in (root / package).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            if "migrations" in parts:
                continue
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imported(name, path, known):
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                yield submodule if submodule in known else module


def import_graph(root):
    known = modules(root, project_packages(root))
    return {
        name: {target for target in _imported(name, path, known) if target in known} - {name}
        for name, path in known.items()
    }


def cycles(graph):
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def admin_view_imports(graph):
    """(importer, imported) pairs where a module imports another app's admin views."""
    return sorted(
        (source, target)
        for source, targets in graph.items()
        for target in targets
        if target.split(".")[-1] == "admin_views" and target.split(".")[0] != source.split(".")[0]
    )
