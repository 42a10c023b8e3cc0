#!/usr/bin/env python3
"""Generate a benchmark corpus of N invented news articles for `make bench`.

usage: gen_corpus.py N OUT_DIR [--seed S]

Writes OUT_DIR/seeds/*.md (front matter + ~800 words, quotes and attributions in the
styles the extractor handles), a sidecar for one article in 50, and a Hugo site in
OUT_DIR/hugo/ (config, a minimal layout rendering each article's content, and the same
Markdown files as content/). Deterministic for a given N and seed. All people, places
and organisations are invented.
"""
import os, random, sys

FIRST = ["Arturo", "Lena", "Marek", "Sofia", "Tomas", "Ines", "Kofi", "Mira", "Jonas", "Elena", "Ravi", "Nadia",
         "Pavel", "Clara", "Omar", "Hana", "Diego", "Ayla", "Viktor", "Lucia", "Samir", "Greta", "Felix", "Yara"]
LAST = ["Velez", "Ortiz", "Novak", "Lindqvist", "Harrow", "Okafor", "Brandt", "Castell", "Morrow", "Ilves", "Sandoval",
        "Kerensky", "Dunmore", "Achebe", "Falk", "Moreau", "Tanaka", "Quiroga", "Halden", "Petrov", "Amari", "Voss"]
ROLES = ["Finance Minister", "Defense Minister", "President", "Prime Minister", "Foreign Minister", "Gen.",
         "Mayor", "Governor", "Senator", "Interior Minister", "Health Minister", "Central Bank Governor"]
COUNTRIES = ["Valdora", "Tarsenia", "Arvenna", "Kestria", "Norvale", "Estmark", "Caldera", "Brisland"]
ORGS = ["The Daily Ledger", "the Ministry of Health", "the State Department of {c}", "Norvale Gazette",
        "the Kestrel Institute", "the Port Authority", "The Harbor Times", "the Central Statistics Office"]
ANON = ["a senior {c} official", "a retired colonel", "one administration insider", "a person familiar with the talks",
        "a senior diplomat", "two people familiar with the matter", "a source within the {c} military",
        "a former official who requested anonymity"]
GROUPS = ["{c} officials", "union leaders", "Western diplomats", "opposition lawmakers", "sources within the {c} army"]
TOPICS = ["the port strike", "the border deployment", "the budget talks", "the flood wall", "the fishing quotas",
          "the rail contract", "the election audit", "the vaccine rollout", "the mining licences", "the tram line"]
VERBS_THAT = ["said", "confirmed", "acknowledged", "warned", "insisted", "argued", "claimed", "noted", "stressed", "denied"]
NOUNS = ["the agreement", "the deployment", "the contract", "the inquiry", "the budget", "the ceasefire", "the audit",
         "the project", "the plan", "the vote"]
PREDS = ["would be delayed until next year", "had cost more than 5,000 jobs", "was signed without a tender",
         "would reach 1.2 billion by March", "had been approved by the cabinet", "was never discussed in parliament",
         "would protect the nation’s borders", "had failed to meet its targets", "was a matter of national security",
         "would be reviewed by an independent panel"]
FILLER = ["The dispute has dragged on for months, with neither side willing to give ground.",
          "Markets reacted calmly, with the currency trading flat against the dollar.",
          "The region has seen a series of protests since the beginning of the year.",
          "Analysts have long debated the credibility of such announcements.",
          "The capital remained quiet on Tuesday, though security was visibly tightened.",
          "Negotiations are expected to resume after the holiday.",
          "The figures could not be independently verified.",
          "Several previous plans were abandoned after cost overruns."]


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def paragraph(rng, c, people):
    # About one paragraph in three attributes something: ~10 claims an 800-word article.
    kind = rng.randrange(24)
    name, role = rng.choice(people)
    last = name.split()[-1]
    noun, pred = rng.choice(NOUNS), rng.choice(PREDS)
    anon = rng.choice(ANON).format(c=c)
    org = rng.choice(ORGS).format(c=c)
    group = rng.choice(GROUPS).format(c=c)
    if kind == 0:
        return f"{role} {name} {rng.choice(VERBS_THAT)} on Tuesday that {noun} {pred}. {rng.choice(FILLER)}"
    if kind == 1:
        return f"“We will not accept {noun} in its present form,” {last} said. “The people deserve better, and they will get it.”"
    if kind == 2:
        return f"According to {anon}, {noun} {pred}. {rng.choice(FILLER)}"
    if kind == 3:
        return f"{org[0].upper() + org[1:]}, citing {anon}, reported that {noun} {pred}."
    if kind == 4:
        return f"{group[0].upper() + group[1:]} accused the government of hiding the true cost of {rng.choice(TOPICS)}. {rng.choice(FILLER)}"
    if kind == 5:
        return f"Speaking at a news conference in the capital, {last} warned that {noun} {pred}, adding that talks would continue."
    if kind == 6:
        return f"{noun[0].upper() + noun[1:]} {pred}, {anon} said, speaking on condition of anonymity because the talks were private."
    if kind == 7:
        return f"{last} described the proposal as ‘a reckless gamble with public money.’ {rng.choice(FILLER)} {rng.choice(FILLER)}"
    return " ".join(rng.choice(FILLER) for _ in range(2))


def article(rng, i):
    c = rng.choice(COUNTRIES)
    topic = rng.choice(TOPICS)
    people = [(person(rng), rng.choice(ROLES)) for _ in range(3)]
    title = f"{c}: new twist in {topic} ({i})"
    paras, words = [], 0
    while words < 800:
        p = paragraph(rng, c, people)
        paras.append(p)
        words += len(p.split())
        if rng.random() < 0.1:
            paras.append(f"## {rng.choice(['Background', 'Reaction', 'What comes next'])}")
    date = f"2025-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}"
    front = (f"---\ntitle: \"{title}\"\ndate: {date}\nauthor: {person(rng)}\npublication: {rng.choice(ORGS[:2] + ['Norvale Gazette', 'The Harbor Times'])}\n"
             f"tags: [{c.lower()}, {topic.split()[-1]}]\n---\n")
    body = "\n\n".join(paras) + "\n"
    return front, body, people


def main(argv):
    if len(argv) < 2:
        print(__doc__); return 2
    n, out = int(argv[0]), argv[1]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    rng = random.Random(seed)
    seeds = os.path.join(out, "seeds")
    hugo_content = os.path.join(out, "hugo", "content", "posts")
    os.makedirs(seeds, exist_ok=True)
    os.makedirs(hugo_content, exist_ok=True)
    os.makedirs(os.path.join(out, "hugo", "layouts", "_default"), exist_ok=True)
    os.makedirs(os.path.join(out, "bodies"), exist_ok=True)
    for i in range(n):
        front, body, people = article(rng, i)
        slug = f"article-{i:05d}"
        with open(os.path.join(seeds, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(front + body)
        with open(os.path.join(hugo_content, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(front + body)
        with open(os.path.join(out, "bodies", slug + ".md"), "w", encoding="utf-8") as f:
            f.write(body)
        if i % 50 == 0:
            name, role = people[0]
            with open(os.path.join(seeds, slug + ".claims.yml"), "w", encoding="utf-8") as f:
                f.write(f"sources:\n  - id: {name.lower().replace(' ', '-')}\n    name: {name}\n    reliability: B\n")
    with open(os.path.join(out, "briefing.yml"), "w") as f:
        f.write(f"title: Benchmark briefing ({n} articles)\n")
    with open(os.path.join(out, "hugo", "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    layout = os.path.join(out, "hugo", "layouts", "_default")
    with open(os.path.join(layout, "single.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    with open(os.path.join(layout, "list.html"), "w") as f:
        f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
