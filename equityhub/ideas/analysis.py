"""Theme suggestions and clusters of similar ideas, worked out with scikit-learn.

Plain functions over texts and numbers: nothing here reads or writes the database, so the
services (analysis_services.py) decide what goes in and where the results are kept.

Ideas are written in English or Welsh. Both models read words and word pairs, and the theme
model also reads runs of three to five letters inside words, so that a Welsh word still
matches after a mutation changes its first letter ("tai", "dai", "thai"). Every random choice
has a fixed seed: the same ideas always give the same suggestions and the same clusters.
"""

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import numpy as np

# scikit-learn takes a second to import: it is imported by the functions that use it, so
# that only the worker running an analysis pays for it, not every web process.
if TYPE_CHECKING:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion

SEED = 2021

# The theme model learns only from enough examples: this many themed ideas in all, and for
# each theme this many ideas with it (and this many without it).
MIN_TRAINING_IDEAS = 10
MIN_IDEAS_PER_THEME = 2
# A theme is suggested when the model gives it at least this probability; at most this many
# themes are suggested for one idea, the likeliest first.
SUGGESTION_THRESHOLD = 0.5
MAX_SUGGESTIONS = 3

# Clustering needs this many ideas; it tries numbers of clusters from 2 up to a third of the
# ideas (at least three ideas a cluster on average), and never more than MAX_CLUSTERS.
MIN_CLUSTER_IDEAS = 6
MAX_CLUSTERS = 40
# How many numbers of clusters are tried (spread evenly on a log scale between the bounds),
# and how many ideas, at most, the silhouette that compares them is measured on.
CLUSTER_CANDIDATES = 12
SILHOUETTE_SAMPLE = 1000
# The dimensions kept by latent semantic analysis before clustering.
LSA_DIMENSIONS = 100
TOP_TERMS = 8

# Common Welsh words that say nothing about a topic (written without accents: the texts are
# compared with their accents removed).
_WELSH_FUNCTION_WORDS = """
    a ac achos ag all allai am an ar at beth bob bod bydd byddai byddwn cael can chi da dan dim
    dros drwy dy dyma dyna e ei eich ein eithaf er eraill eto eu fe fel felly fod fy gall gallai
    gallu gan gyda gyfer gymaint hefyd hi hoffwn hon hwn hwnnw hyd hyn hynny i iawn iddo iddi
    iddyn lle mae maen mai mewn mi mor mwy na nad neu ni nid nhw o oedd oes oherwydd ohono ond os
    pa pan pam pe pob pryd pwy rhag rhai rhwng roedd rwy rydw rydym rydyn sef sut sy sydd ti trwy
    tuag wedi wrth y yma yn yng ym yr ydw ydy ydym yw
"""
WELSH_STOP_WORDS = frozenset(_WELSH_FUNCTION_WORDS.split())

Progress = Callable[[int], None]


class Shortage(StrEnum):
    """Why an analysis could not give a result."""

    TOO_FEW_IDEAS = "too_few_ideas"
    NO_LEARNABLE_THEME = "no_learnable_theme"
    TOO_FEW_WORDS = "too_few_words"


def idea_text(title: str, body: str) -> str:
    """What the models read of an idea."""
    return f"{title}\n{body}"


def _min_df(documents: int) -> int:
    # A word seen in a single idea says little about a topic, once there are enough ideas.
    return 2 if documents >= 50 else 1


def _no_progress(percent: int) -> None:
    return None


# Theme suggestions -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Suggestion:
    idea_id: int
    theme_id: int
    score: float


@dataclass(slots=True)
class ThemeModel:
    """What training learnt: how to read a text, and one classifier for each theme."""

    features: Any
    classifiers: dict[int, "LogisticRegression"]


@dataclass(frozen=True, slots=True)
class Training:
    """The outcome of training: the model (None when there was too little to learn from),
    how many ideas it learnt from, and which themes it learnt or had to leave out."""

    model: ThemeModel | None
    examples: int
    learnt: tuple[int, ...]
    skipped: tuple[int, ...]
    shortage: Shortage | None = None


def _theme_features(documents: int) -> "FeatureUnion":
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    min_df = _min_df(documents)
    return FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    strip_accents="unicode",
                    min_df=min_df,
                    max_df=0.9,
                    max_features=100_000,
                ),
            ),
            (
                "letters",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    sublinear_tf=True,
                    strip_accents="unicode",
                    min_df=min_df,
                    max_df=0.9,
                    max_features=100_000,
                ),
            ),
        ]
    )


def train_themes(
    texts: Sequence[str],
    labels: Sequence[Collection[int]],
    themes: Sequence[int],
    *,
    progress: Progress = _no_progress,
) -> Training:
    """Learn to recognise each theme from ideas that have themes.

    `texts[i]` has the themes `labels[i]` (at least one each); `themes` lists every theme
    there is. A theme is learnt when at least MIN_IDEAS_PER_THEME ideas have it and as many
    do not; the others are returned as skipped. One logistic regression per theme (one
    against the rest) gives each theme a probability of its own, so an idea may fit several.
    """
    examples = len(texts)
    counts = dict.fromkeys(themes, 0)
    for found in labels:
        for theme in found:
            counts[theme] = counts.get(theme, 0) + 1
    learnable = [
        theme
        for theme, count in counts.items()
        if count >= MIN_IDEAS_PER_THEME and examples - count >= MIN_IDEAS_PER_THEME
    ]
    skipped = tuple(theme for theme in counts if theme not in learnable)
    if examples < MIN_TRAINING_IDEAS:
        return Training(None, examples, (), tuple(counts), Shortage.TOO_FEW_IDEAS)
    if not learnable:
        return Training(None, examples, (), skipped, Shortage.NO_LEARNABLE_THEME)
    features = _theme_features(examples)
    try:
        matrix = features.fit_transform(texts)
    except ValueError:  # no word or letters left to learn from
        return Training(None, examples, (), tuple(counts), Shortage.TOO_FEW_WORDS)
    progress(30)
    from sklearn.linear_model import LogisticRegression

    classifiers = {}
    for done, theme in enumerate(learnable, start=1):
        target = np.fromiter((theme in found for found in labels), dtype=bool, count=examples)
        # Light regularisation (C=10) keeps the probabilities clear with few examples; the
        # dual problem is the quicker one when there are more features than ideas.
        classifier = LogisticRegression(C=10.0, solver="liblinear", dual=True, random_state=SEED)
        classifiers[theme] = classifier.fit(matrix, target)
        progress(30 + 70 * done // len(learnable))
    return Training(ThemeModel(features, classifiers), examples, tuple(learnable), skipped)


def suggest_themes(
    model: ThemeModel,
    idea_ids: Sequence[int],
    texts: Sequence[str],
    *,
    threshold: float = SUGGESTION_THRESHOLD,
    limit: int = MAX_SUGGESTIONS,
) -> list[Suggestion]:
    """For each idea, the themes the model gives at least `threshold`, likeliest first."""
    if not texts:
        return []
    matrix = model.features.transform(texts)
    themes = list(model.classifiers)
    scores = np.column_stack(
        [model.classifiers[theme].predict_proba(matrix)[:, 1] for theme in themes]
    )
    suggestions = []
    for row, idea_id in enumerate(idea_ids):
        ranked = sorted(range(len(themes)), key=lambda column: (-scores[row, column], column))
        for column in ranked[:limit]:
            score = float(scores[row, column])
            if score < threshold:
                break
            suggestions.append(Suggestion(idea_id, themes[column], round(score, 4)))
    return suggestions


# Clusters ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cluster:
    """Ideas that read alike: their ids, nearest the cluster's centre first, with their
    distances from it (cosine, 0 to 2), and the words that mark the cluster out."""

    idea_ids: tuple[int, ...]
    distances: tuple[float, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Clustering:
    clusters: tuple[Cluster, ...]
    ideas: int
    silhouette: float = -1.0  # from -1 to 1: how distinct the clusters are
    shortage: Shortage | None = None


def candidate_cluster_counts(ideas: int) -> list[int]:
    """The numbers of clusters worth trying for this many ideas (empty when too few).

    From 2 up to a third of the ideas, at most MAX_CLUSTERS, spread on a log scale so that
    small numbers (where a difference of one matters) are tried more closely.
    """
    if ideas < MIN_CLUSTER_IDEAS:
        return []
    highest = max(2, min(MAX_CLUSTERS, ideas // 3))
    steps = np.geomspace(2, highest, num=min(CLUSTER_CANDIDATES, highest - 1))
    return sorted({round(float(step)) for step in steps})


def _words(documents: int) -> "TfidfVectorizer":
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    return TfidfVectorizer(
        ngram_range=(1, 2),
        sublinear_tf=True,
        strip_accents="unicode",
        stop_words=sorted(ENGLISH_STOP_WORDS | WELSH_STOP_WORDS),
        min_df=_min_df(documents),
        max_df=0.5,
        max_features=50_000,
    )


def top_terms(weights: np.ndarray, vocabulary: Sequence[str], count: int = TOP_TERMS) -> list[str]:
    """The heaviest terms, leaving out a word pair whose words are both listed already."""
    chosen: list[str] = []
    covered: set[str] = set()
    for index in np.argsort(-weights, kind="stable"):
        if len(chosen) == count or weights[index] <= 0:
            break
        term = str(vocabulary[index])
        words = set(term.split())
        if words <= covered:
            continue
        chosen.append(term)
        covered |= words
    return chosen


def _kmeans(points: np.ndarray, clusters: int, *, starts: int) -> "KMeans":
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=clusters, n_init=starts, random_state=SEED).fit(points)


def cluster_ideas(
    idea_ids: Sequence[int], texts: Sequence[str], *, progress: Progress = _no_progress
) -> Clustering:
    """Group ideas that read alike, and name each group by its heaviest words.

    The texts become TF-IDF vectors of words and word pairs (common English and Welsh words
    left out), reduced by latent semantic analysis to LSA_DIMENSIONS. Each candidate number
    of clusters (candidate_cluster_counts) is tried with k-means on a sample of at most
    SILHOUETTE_SAMPLE ideas, and the one whose clusters are most distinct there (the highest
    silhouette) is fitted to all the ideas. A cluster's terms are those its centre weighs
    most above the average idea. Clusters come largest first.
    """
    from sklearn.decomposition import TruncatedSVD
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import normalize

    ideas = len(texts)
    candidates = candidate_cluster_counts(ideas)
    if not candidates:
        return Clustering((), ideas, shortage=Shortage.TOO_FEW_IDEAS)
    vectorizer = _words(ideas)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # every word was too common or too rare
        return Clustering((), ideas, shortage=Shortage.TOO_FEW_WORDS)
    vocabulary = vectorizer.get_feature_names_out()
    dimensions = min(LSA_DIMENSIONS, matrix.shape[1] - 1, ideas - 1)
    if dimensions >= 2:
        reduced = TruncatedSVD(dimensions, random_state=SEED).fit_transform(matrix)
    else:
        reduced = matrix.toarray()
    points = normalize(reduced)
    progress(30)

    # Each candidate is tried on a sample (the same one for all), which is quick and picks
    # the same number as trying them on every idea; then the chosen one is fitted to all.
    rng = np.random.default_rng(SEED)
    sample = points[np.sort(rng.choice(ideas, size=min(ideas, SILHOUETTE_SAMPLE), replace=False))]
    best: tuple[float, int] = (-1.0, candidates[0])
    for tried, count in enumerate(candidates, start=1):
        if count < len(sample):
            labels = _kmeans(sample, count, starts=1).labels_
            if len(set(labels.tolist())) > 1:
                score = float(silhouette_score(sample, labels))
                if score > best[0]:
                    best = (score, count)
        progress(30 + 50 * tried // len(candidates))
    silhouette, count = best
    model = _kmeans(points, count, starts=3)
    progress(90)

    centres = normalize(model.cluster_centers_)
    labels = model.labels_
    distances = np.clip(1.0 - np.einsum("ij,ij->i", points, centres[labels]), 0.0, 2.0)
    average = np.asarray(matrix.mean(axis=0)).ravel()
    clusters = []
    for label in range(len(centres)):
        members = np.flatnonzero(labels == label)
        if not len(members):
            continue
        order = members[np.lexsort((members, distances[members]))]
        # The centre in TF-IDF space is the mean of the members' rows; the terms that mark
        # the cluster out are those it weighs more than the average idea does.
        centre = np.asarray(matrix[members].mean(axis=0)).ravel()
        clusters.append(
            Cluster(
                idea_ids=tuple(int(idea_ids[i]) for i in order),
                distances=tuple(round(float(distances[i]), 4) for i in order),
                terms=tuple(top_terms(centre - average, vocabulary)),
            )
        )
    clusters.sort(key=lambda cluster: (-len(cluster.idea_ids), cluster.idea_ids[0]))
    progress(100)
    return Clustering(tuple(clusters), ideas, silhouette=round(silhouette, 4))
