"""References: as printed where printed; otherwise proposed (and marked so). Numbering that
restarts per section would repeat a reference within a kind: the repeat is qualified by its
cause of concern's number ("2.1") or else given the next free number, and marked proposed."""


def settle_refs(items: list) -> None:
    used: dict[str, set[str]] = {}
    missing = []
    for item in items:
        taken = used.setdefault(item.kind, set())
        if item.ref and item.ref not in taken:
            taken.add(item.ref)
        else:
            missing.append(item)
    for item in missing:
        taken = used[item.kind]
        parent = items[item.parent] if item.parent is not None else None
        qualified = f"{parent.ref}.{item.ref}" if item.ref and parent and parent.ref else ""
        item.ref = qualified if qualified and qualified not in taken else _next_free(taken)
        item.ref_proposed = True
        taken.add(item.ref)


def _next_free(taken: set[str]) -> str:
    number = 1
    while str(number) in taken:
        number += 1
    return str(number)
