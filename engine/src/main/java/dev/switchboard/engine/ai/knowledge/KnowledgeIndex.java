package dev.switchboard.engine.ai.knowledge;

import dev.switchboard.engine.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.br.BrazilianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * A tenant's knowledge base, searchable offline: Apache Lucene with its Brazilian Portuguese analyser (stop words
 * and the Brazilian stemmer, so "horário" finds "horários"), BM25 ranking, titles weighted double. Text is folded
 * (no accents, lower case) on both sides, so "horario" and "horário" are the same word. An index is immutable:
 * a change builds a new one (a few milliseconds for hundreds of entries), which the AI verticle swaps in.
 *
 * <p>{@link #answer} is for the offline provider and answers only when the best entry covers at least
 * {@link #MIN_COVERAGE} of the question's content words: BM25 ranks, it does not say "none of these fits".
 */
public final class KnowledgeIndex {
  static final double MIN_COVERAGE = 0.6;
  /** Words a question is made of that say nothing about what it asks. */
  private static final List<String> QUESTION_WORDS = List.of("qual", "quais", "quanto", "quantos", "como", "onde",
      "quando", "voces", "vcs", "voce", "vc", "tem", "tens", "gostaria", "saber", "queria", "quero", "pode", "podem",
      "poderia", "favor", "por", "pfv", "pf", "oi", "ola", "bom", "boa", "dia", "tarde", "noite", "ai", "la", "ate",
      "informar", "informacao", "me", "diz", "dizer", "fala", "sobre", "e", "sao", "ta", "esta", "estao", "fica");
  private static final Analyzer ANALYZER = new BrazilianAnalyzer(stopWords());
  private static final KnowledgeIndex EMPTY = new KnowledgeIndex(List.of());

  /** An entry and how well it matched. */
  public record Passage(KnowledgeEntry entry, float score) {
  }

  private final List<KnowledgeEntry> entries;
  private final IndexSearcher searcher;
  private final Map<String, Set<String>> terms = new HashMap<>();

  private KnowledgeIndex(List<KnowledgeEntry> entries) {
    this.entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      this.searcher = null;
      return;
    }
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
      for (KnowledgeEntry e : entries) {
        Document doc = new Document();
        doc.add(new StringField("id", e.id(), Field.Store.YES));
        doc.add(new TextField("title", TextNormalizer.fold(e.title()), Field.Store.NO));
        doc.add(new TextField("text", TextNormalizer.fold(e.text()), Field.Store.NO));
        writer.addDocument(doc);
        Set<String> t = analyse(e.title());
        t.addAll(analyse(e.text()));
        terms.put(e.id(), t);
      }
      writer.commit();
      this.searcher = new IndexSearcher(DirectoryReader.open(directory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static KnowledgeIndex of(List<KnowledgeEntry> entries) {
    return entries.isEmpty() ? EMPTY : new KnowledgeIndex(entries);
  }

  public int size() {
    return entries.size();
  }

  /** The best {@code limit} entries for the question, best first (none when nothing shares a word with it). */
  public List<Passage> search(String question, int limit) {
    if (searcher == null || question == null || question.isBlank()) {
      return List.of();
    }
    String folded = TextNormalizer.fold(question);
    QueryBuilder builder = new QueryBuilder(ANALYZER);
    Query title = builder.createBooleanQuery("title", folded, BooleanClause.Occur.SHOULD);
    Query text = builder.createBooleanQuery("text", folded, BooleanClause.Occur.SHOULD);
    if (title == null && text == null) {
      return List.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (title != null) {
      query.add(new BoostQuery(title, 2f), BooleanClause.Occur.SHOULD);
    }
    if (text != null) {
      query.add(text, BooleanClause.Occur.SHOULD);
    }
    try {
      List<Passage> out = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
        String id = searcher.storedFields().document(hit.doc).get("id");
        entries.stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(e -> out.add(new Passage(e, hit.score)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entry that answers the question, if the best match covers enough of what was asked. */
  public Optional<KnowledgeEntry> answer(String question) {
    List<Passage> best = search(question, 1);
    if (best.isEmpty()) {
      return Optional.empty();
    }
    Set<String> asked = analyse(question);
    if (asked.isEmpty()) {
      return Optional.empty();
    }
    Set<String> known = terms.get(best.get(0).entry().id());
    long covered = asked.stream().filter(known::contains).count();
    return (double) covered / asked.size() >= MIN_COVERAGE ? Optional.of(best.get(0).entry()) : Optional.empty();
  }

  /** The stemmed content words of a text, as the index sees them. */
  static Set<String> analyse(String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream stream = ANALYZER.tokenStream("text", TextNormalizer.fold(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(256, true);
    for (Object word : BrazilianAnalyzer.getDefaultStopSet()) {
      set.add(TextNormalizer.fold(new String((char[]) word)));
    }
    set.addAll(QUESTION_WORDS);
    return set;
  }
}
