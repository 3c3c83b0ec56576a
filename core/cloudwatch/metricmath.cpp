// SPDX-License-Identifier: MIT
#include "core/cloudwatch/metricmath.h"

#include "core/cloudwatch/anomalymodel.h"

#include <QDateTime>
#include <QScopeGuard>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch::MetricMath {

namespace {

struct Token
{
    enum Kind {
        Number,
        Name,
        Symbol,
        String, // 'text' or "text" (SEARCH's arguments)
        End,
    } kind = End;
    QString text;
    double number = 0;
};

QList<Token> tokenize(const QString &text, QString *error)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c.isDigit() || (c == u'.' && i + 1 < text.size() && text.at(i + 1).isDigit())) {
            qsizetype j = i;
            while (j < text.size() && (text.at(j).isDigit() || text.at(j) == u'.'))
                ++j;
            if (j < text.size() && (text.at(j) == u'e' || text.at(j) == u'E')) {
                ++j;
                if (j < text.size() && (text.at(j) == u'+' || text.at(j) == u'-'))
                    ++j;
                while (j < text.size() && text.at(j).isDigit())
                    ++j;
            }
            bool ok = false;
            const double number = text.mid(i, j - i).toDouble(&ok);
            if (!ok) {
                *error = u"Invalid number %1"_s.arg(text.mid(i, j - i));
                return {};
            }
            tokens.append({Token::Number, text.mid(i, j - i), number});
            i = j;
        } else if (c == u'\'' || c == u'"') {
            const qsizetype close = text.indexOf(c, i + 1);
            if (close < 0) {
                *error = u"Unterminated string"_s;
                return {};
            }
            tokens.append({Token::String, text.mid(i + 1, close - i - 1), 0});
            i = close + 1;
        } else if (c.isLetter() || c == u'_') {
            qsizetype j = i;
            while (j < text.size() && (text.at(j).isLetterOrNumber() || text.at(j) == u'_'))
                ++j;
            tokens.append({Token::Name, text.mid(i, j - i), 0});
            i = j;
        } else {
            static const QStringList twoChar{u">="_s, u"<="_s, u"=="_s, u"!="_s};
            const QString pair = text.mid(i, 2);
            if (twoChar.contains(pair)) {
                tokens.append({Token::Symbol, pair, 0});
                i += 2;
            } else if (QStringView(u"+-*/^()[],<>").contains(c)) {
                tokens.append({Token::Symbol, QString(c), 0});
                ++i;
            } else {
                *error = u"Unexpected character '%1'"_s.arg(c);
                return {};
            }
        }
    }
    tokens.append({Token::End, {}, 0});
    return tokens;
}

using BinaryFunction = std::function<double(double, double)>;

// Series with series: only timestamps present in both; series with scalar: every point.
Result<Value> combine(const Value &left, const Value &right, const BinaryFunction &op)
{
    if (std::holds_alternative<QList<Series>>(left)
        || std::holds_alternative<QList<Series>>(right)) {
        if (std::holds_alternative<QList<Series>>(left)
            && !std::holds_alternative<QList<Series>>(right)) {
            QList<Series> out;
            for (const Series &series : std::get<QList<Series>>(left)) {
                auto one = combine(series, right, op);
                out.append(std::get<Series>(*one));
            }
            return out;
        }
        if (std::holds_alternative<QList<Series>>(right)
            && !std::holds_alternative<QList<Series>>(left)) {
            QList<Series> out;
            for (const Series &series : std::get<QList<Series>>(right)) {
                auto one = combine(left, series, op);
                out.append(std::get<Series>(*one));
            }
            return out;
        }
        return fail(u"ValidationError"_s,
            u"Operations between two arrays of time series are not supported"_s);
    }
    if (std::holds_alternative<double>(left) && std::holds_alternative<double>(right))
        return op(std::get<double>(left), std::get<double>(right));
    Series out;
    if (std::holds_alternative<Series>(left) && std::holds_alternative<Series>(right)) {
        const Series &a = std::get<Series>(left);
        const Series &b = std::get<Series>(right);
        for (auto it = a.cbegin(); it != a.cend(); ++it) {
            if (const auto other = b.constFind(it.key()); other != b.cend())
                out.insert(it.key(), op(it.value(), other.value()));
        }
    } else if (std::holds_alternative<Series>(left)) {
        const Series &a = std::get<Series>(left);
        for (auto it = a.cbegin(); it != a.cend(); ++it)
            out.insert(it.key(), op(it.value(), std::get<double>(right)));
    } else {
        const Series &b = std::get<Series>(right);
        for (auto it = b.cbegin(); it != b.cend(); ++it)
            out.insert(it.key(), op(std::get<double>(left), it.value()));
    }
    return out;
}

// SUM/AVG/MIN/MAX: of one series a scalar, of an array of series one series (per timestamp).
Value reduce(const Value &value, const QString &name)
{
    const auto fold = [&name](const QList<double> &values) {
        if (values.isEmpty())
            return std::nan("");
        if (name == u"SUM" || name == u"AVG" || name == u"STDDEV") {
            double sum = 0;
            for (double v : values)
                sum += v;
            const double mean = sum / double(values.size());
            if (name == u"STDDEV") {
                double squares = 0;
                for (double v : values)
                    squares += (v - mean) * (v - mean);
                return std::sqrt(squares / double(values.size()));
            }
            return name == u"SUM" ? sum : mean;
        }
        return name == u"MIN" ? *std::min_element(values.cbegin(), values.cend())
                              : *std::max_element(values.cbegin(), values.cend());
    };
    if (const auto *scalar = std::get_if<double>(&value))
        return *scalar;
    if (const auto *series = std::get_if<Series>(&value))
        return fold(series->values());
    QMap<qint64, QList<double>> columns;
    for (const Series &series : std::get<QList<Series>>(value)) {
        for (auto it = series.cbegin(); it != series.cend(); ++it)
            columns[it.key()].append(it.value());
    }
    Series out;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        out.insert(it.key(), fold(it.value()));
    return out;
}

class Parser
{
public:
    Parser(QList<Token> tokens, const Context &context)
        : m_tokens(std::move(tokens))
        , m_context(context)
    {}

    Result<Value> parseAll()
    {
        auto value = parseOr();
        if (value && peek().kind != Token::End)
            return fail(u"ValidationError"_s, u"Syntax error near '%1'"_s.arg(peek().text));
        return value;
    }
    const QStringList &searchLabels() const { return m_searchLabels; }

private:
    const Token &peek() const { return m_tokens.at(m_position); }
    bool accept(const QString &symbol)
    {
        if ((peek().kind == Token::Symbol || peek().kind == Token::Name) && peek().text == symbol) {
            ++m_position;
            return true;
        }
        return false;
    }

    Result<Value> parseBinary(const std::function<Result<Value>()> &next,
        const QList<std::pair<QString, BinaryFunction>> &operators)
    {
        auto left = next();
        while (left) {
            const auto found = std::find_if(operators.cbegin(),
                operators.cend(),
                [this](const auto &op) { return peek().text == op.first; });
            if (found == operators.cend() || peek().kind == Token::Number)
                break;
            ++m_position;
            auto right = next();
            if (!right)
                return right;
            left = combine(*left, *right, found->second);
        }
        return left;
    }

    // Parentheses, arrays, arguments and unary minus nest by recursion: bounded well below
    // what the stack holds.
    static constexpr int MaxNesting = 64;
    int m_depth = 0;

    Result<Value> parseOr()
    {
        if (m_depth >= MaxNesting)
            return fail(u"ValidationError"_s,
                u"The expression nests more than %1 levels deep"_s.arg(MaxNesting));
        ++m_depth;
        const auto leave = qScopeGuard([this] { --m_depth; });
        return parseBinary([this] { return parseAnd(); }, {{u"OR"_s, [](double a, double b) {
                                                                return double(a != 0 || b != 0);
                                                            }}});
    }
    Result<Value> parseAnd()
    {
        return parseBinary(
            [this] { return parseComparison(); }, {{u"AND"_s, [](double a, double b) {
                                                        return double(a != 0 && b != 0);
                                                    }}});
    }
    Result<Value> parseComparison()
    {
        return parseBinary([this] { return parseAdditive(); },
            {{u">="_s,
                 [](double a, double b) {
                     return double(a >= b);
                 }},
                {u"<="_s,
                    [](double a, double b) {
                        return double(a <= b);
                    }},
                {u"=="_s,
                    [](double a, double b) {
                        return double(a == b);
                    }},
                {u"!="_s,
                    [](double a, double b) {
                        return double(a != b);
                    }},
                {u">"_s,
                    [](double a, double b) {
                        return double(a > b);
                    }},
                {u"<"_s, [](double a, double b) {
                     return double(a < b);
                 }}});
    }
    Result<Value> parseAdditive()
    {
        return parseBinary([this] { return parseMultiplicative(); },
            {{u"+"_s, std::plus<double>()}, {u"-"_s, std::minus<double>()}});
    }
    Result<Value> parseMultiplicative()
    {
        return parseBinary([this] { return parsePower(); },
            {{u"*"_s, std::multiplies<double>()}, {u"/"_s, [](double a, double b) {
                                                       return b == 0 ? std::nan("") : a / b;
                                                   }}});
    }
    Result<Value> parsePower()
    {
        return parseBinary([this] { return parseUnary(); }, {{u"^"_s, [](double a, double b) {
                                                                  return std::pow(a, b);
                                                              }}});
    }
    Result<Value> parseUnary()
    {
        if (accept(u"-"_s)) {
            if (m_depth >= MaxNesting)
                return fail(u"ValidationError"_s,
                    u"The expression nests more than %1 levels deep"_s.arg(MaxNesting));
            ++m_depth;
            const auto leave = qScopeGuard([this] { --m_depth; });
            auto operand = parseUnary();
            if (!operand)
                return operand;
            return combine(0.0, *operand, std::minus<double>());
        }
        return parsePrimary();
    }

    Result<QList<Value>> parseArguments()
    {
        QList<Value> arguments;
        if (accept(u")"_s))
            return arguments;
        do {
            auto argument = parseOr();
            if (!argument)
                return std::unexpected(argument.error());
            arguments.append(*argument);
        } while (accept(u","_s));
        if (!accept(u")"_s))
            return fail(u"ValidationError"_s, u"Syntax error: ')' expected"_s);
        return arguments;
    }

    Result<Value> parsePrimary()
    {
        const Token token = peek();
        if (token.kind == Token::Number) {
            ++m_position;
            return token.number;
        }
        if (accept(u"("_s)) {
            auto inner = parseOr();
            if (inner && !accept(u")"_s))
                return fail(u"ValidationError"_s, u"Syntax error: ')' expected"_s);
            return inner;
        }
        if (accept(u"["_s)) {
            QList<Series> array;
            do {
                auto item = parseOr();
                if (!item)
                    return item;
                if (auto *series = std::get_if<Series>(&*item))
                    array.append(*series);
                else if (auto *list = std::get_if<QList<Series>>(&*item))
                    array.append(*list);
                else
                    return fail(u"ValidationError"_s, u"Arrays may only contain time series"_s);
            } while (accept(u","_s));
            if (!accept(u"]"_s))
                return fail(u"ValidationError"_s, u"Syntax error: ']' expected"_s);
            return array;
        }
        if (token.kind != Token::Name)
            return fail(u"ValidationError"_s,
                token.kind == Token::End ? u"Syntax error: unexpected end of expression"_s
                                         : u"Syntax error near '%1'"_s.arg(token.text));
        ++m_position;
        if (token.text.toUpper() == u"SEARCH" && accept(u"("_s))
            return search();
        if (token.text.toUpper() == u"METRICS" && accept(u"("_s))
            return metrics();
        if (token.text.toUpper() == u"SORT" && accept(u"("_s))
            return sort();
        if (token.text.toUpper() == u"ANOMALY_DETECTION_BAND" && accept(u"("_s))
            return anomalyDetectionBand();
        if (accept(u"("_s)) {
            auto arguments = parseArguments();
            if (!arguments)
                return std::unexpected(arguments.error());
            return call(token.text, *arguments);
        }
        if (const auto array = m_context.arrays.constFind(token.text);
            array != m_context.arrays.cend())
            return *array;
        const auto found = m_context.series.constFind(token.text);
        if (found == m_context.series.cend())
            return fail(u"ValidationError"_s, u"Unrecognized identifier '%1'"_s.arg(token.text));
        return *found;
    }

    // SEARCH('search expression', 'statistic', period): an array of one series per metric.
    Result<Value> search()
    {
        const auto string = [this]() -> std::optional<QString> {
            if (peek().kind != Token::String)
                return std::nullopt;
            return m_tokens.at(m_position++).text;
        };
        const auto expression = string();
        if (!expression || !accept(u","_s))
            return fail(u"ValidationError"_s,
                u"SEARCH expects a search expression, a statistic and a period"_s);
        const auto statistic = string();
        if (!statistic || !accept(u","_s) || peek().kind != Token::Number)
            return fail(u"ValidationError"_s,
                u"SEARCH expects a search expression, a statistic and a period"_s);
        const double period = m_tokens.at(m_position++).number;
        if (!accept(u")"_s))
            return fail(u"ValidationError"_s, u"Syntax error: ')' expected"_s);
        if (!m_context.search)
            return fail(u"ValidationError"_s, u"SEARCH is not supported here"_s);
        if (period != std::floor(period) || period <= 0 || period > 86400 * 7)
            return fail(u"ValidationError"_s,
                u"The period of SEARCH must be a positive number of seconds"_s);
        auto found = m_context.search(*expression, *statistic, int(period));
        if (!found)
            return std::unexpected(found.error());
        m_searchLabels = found->labels;
        return found->series;
    }

    // ANOMALY_DETECTION_BAND(id) or ANOMALY_DETECTION_BAND(id, stddevs): the band of the model
    // of the query `id`, [lower, upper]; the width defaults to 2 standard deviations.
    Result<Value> anomalyDetectionBand()
    {
        if (peek().kind != Token::Name)
            return fail(u"ValidationError"_s,
                u"ANOMALY_DETECTION_BAND expects the Id of a metric and optionally a number of "
                u"standard deviations"_s);
        const QString id = m_tokens.at(m_position++).text;
        double deviations = AnomalyModel::DefaultStandardDeviations;
        if (accept(u","_s)) {
            if (peek().kind != Token::Number)
                return fail(u"ValidationError"_s,
                    u"The second argument of ANOMALY_DETECTION_BAND must be a number"_s);
            deviations = m_tokens.at(m_position++).number;
        }
        if (!accept(u")"_s))
            return fail(u"ValidationError"_s, u"Syntax error: ')' expected"_s);
        if (!m_context.series.contains(id))
            return fail(u"ValidationError"_s, u"Unrecognized identifier '%1'"_s.arg(id));
        if (!m_context.anomalyDetectionBand)
            return fail(u"ValidationError"_s, u"ANOMALY_DETECTION_BAND is not supported here"_s);
        auto band = m_context.anomalyDetectionBand(id, deviations);
        if (!band)
            return std::unexpected(band.error());
        m_searchLabels = {u"Lower"_s, u"Upper"_s};
        return *band;
    }

    // METRICS() or METRICS('text'): the MetricStat queries (whose Id contains text).
    Result<Value> metrics()
    {
        QString filter;
        if (peek().kind == Token::String)
            filter = m_tokens.at(m_position++).text;
        if (!accept(u")"_s))
            return fail(u"ValidationError"_s, u"Syntax error: ')' expected"_s);
        QList<Series> all;
        for (const QString &id : m_context.metricStatIds) {
            if (id.contains(filter))
                all.append(m_context.series.value(id));
        }
        return all;
    }

    // SORT(array, SUM|AVG|MIN|MAX|STDDEV, ASC|DESC[, limit]): the series ordered by that
    // function of their values.
    Result<Value> sort()
    {
        auto array = parseOr();
        if (!array)
            return array;
        const auto *series = std::get_if<QList<Series>>(&*array);
        if (!series)
            return fail(u"ValidationError"_s, u"SORT expects an array of time series"_s);
        const auto keyword = [this]() -> QString {
            if (!accept(u","_s) || peek().kind != Token::Name)
                return {};
            return m_tokens.at(m_position++).text.toUpper();
        };
        const QString function = keyword();
        const QString order = keyword();
        static const QStringList functions{u"SUM"_s, u"AVG"_s, u"MIN"_s, u"MAX"_s, u"STDDEV"_s};
        if (!functions.contains(function) || (order != u"ASC" && order != u"DESC"))
            return fail(u"ValidationError"_s,
                u"SORT expects a function (SUM, AVG, MIN, MAX, STDDEV) and ASC or DESC"_s);
        qsizetype limit = series->size();
        if (accept(u","_s)) {
            if (peek().kind != Token::Number || peek().number < 0)
                return fail(u"ValidationError"_s, u"SORT's limit must be a number"_s);
            limit = std::min(limit, qsizetype(m_tokens.at(m_position++).number));
        }
        if (!accept(u")"_s))
            return fail(u"ValidationError"_s, u"Syntax error: ')' expected"_s);
        QList<std::pair<double, qsizetype>> keys;
        for (qsizetype i = 0; i < series->size(); ++i) {
            const double key = std::get<double>(reduce(series->at(i), function));
            keys.append({std::isnan(key) ? -INFINITY : key, i});
        }
        std::stable_sort(keys.begin(), keys.end(), [&order](const auto &a, const auto &b) {
            return order == u"ASC" ? a.first < b.first : a.first > b.first;
        });
        QList<Series> out;
        QStringList labels;
        for (qsizetype i = 0; i < limit; ++i) {
            out.append(series->at(keys.at(i).second));
            if (m_searchLabels.size() == series->size())
                labels.append(m_searchLabels.at(keys.at(i).second));
        }
        if (!labels.isEmpty())
            m_searchLabels = labels;
        return out;
    }

    // Applies fn(timestamp, value) to every point of a series or of every series of an array.
    static Value mapPoints(const Value &value, const std::function<double(qint64, double)> &fn)
    {
        if (const auto *scalar = std::get_if<double>(&value))
            return fn(0, *scalar);
        const auto one = [&fn](const Series &series) {
            Series out;
            for (auto it = series.cbegin(); it != series.cend(); ++it)
                out.insert(it.key(), fn(it.key(), it.value()));
            return out;
        };
        if (const auto *series = std::get_if<Series>(&value))
            return one(*series);
        QList<Series> out;
        for (const Series &series : std::get<QList<Series>>(value))
            out.append(one(series));
        return out;
    }

    Result<Value> call(const QString &name, const QList<Value> &arguments)
    {
        const auto arity = [&](qsizetype low, qsizetype high) -> Status {
            if (arguments.size() < low || arguments.size() > high)
                return fail(u"ValidationError"_s,
                    u"Function %1 called with %2 arguments"_s.arg(name).arg(arguments.size()));
            return {};
        };
        const QString upper = name.toUpper();
        if (upper == u"CEIL" || upper == u"FLOOR" || upper == u"LOG" || upper == u"LOG10") {
            if (auto ok = arity(1, 1); !ok)
                return std::unexpected(ok.error());
            const auto function = upper == u"CEIL" ? static_cast<double (*)(double)>(std::ceil)
                : upper == u"FLOOR"                ? static_cast<double (*)(double)>(std::floor)
                : upper == u"LOG"                  ? static_cast<double (*)(double)>(std::log)
                                                   : static_cast<double (*)(double)>(std::log10);
            return mapPoints(
                arguments.front(), [function](qint64, double v) { return function(v); });
        }
        if (upper == u"MINUTE" || upper == u"HOUR" || upper == u"DAY" || upper == u"DATE"
            || upper == u"MONTH" || upper == u"YEAR" || upper == u"EPOCH") {
            if (auto ok = arity(1, 1); !ok)
                return std::unexpected(ok.error());
            if (std::holds_alternative<double>(arguments.front()))
                return fail(u"ValidationError"_s, u"%1 expects a time series"_s.arg(upper));
            return mapPoints(arguments.front(), [upper](qint64 timestamp, double) {
                const QDateTime time = QDateTime::fromMSecsSinceEpoch(timestamp, Qt::UTC);
                if (upper == u"MINUTE")
                    return double(time.time().minute());
                if (upper == u"HOUR")
                    return double(time.time().hour());
                if (upper == u"DAY")
                    return double(time.date().dayOfWeek()); // 1 Monday ... 7 Sunday
                if (upper == u"DATE")
                    return double(time.date().day());
                if (upper == u"MONTH")
                    return double(time.date().month());
                if (upper == u"YEAR")
                    return double(time.date().year());
                return double(timestamp / 1000);
            });
        }
        if (upper == u"STDDEV") {
            if (auto ok = arity(1, 1); !ok)
                return std::unexpected(ok.error());
            return reduce(arguments.front(), upper);
        }
        if (upper == u"PERIOD") {
            if (auto ok = arity(1, 1); !ok)
                return std::unexpected(ok.error());
            return double(m_context.periodSeconds);
        }
        if (upper == u"TIME_SERIES") {
            if (auto ok = arity(1, 1); !ok)
                return std::unexpected(ok.error());
            const auto *scalar = std::get_if<double>(&arguments.front());
            if (!scalar)
                return fail(u"ValidationError"_s, u"TIME_SERIES expects a scalar"_s);
            Series out;
            for (qint64 timestamp : m_context.grid)
                out.insert(timestamp, *scalar);
            return out;
        }
        if (upper == u"FIRST" || upper == u"LAST" || upper == u"REMOVE_EMPTY"
            || upper == u"SLICE") {
            if (auto ok = arity(1, upper == u"SLICE" ? 3 : 1); !ok)
                return std::unexpected(ok.error());
            const auto *array = std::get_if<QList<Series>>(&arguments.front());
            if (!array)
                return fail(
                    u"ValidationError"_s, u"%1 expects an array of time series"_s.arg(upper));
            if (upper == u"FIRST" || upper == u"LAST") {
                if (array->isEmpty())
                    return Series();
                return upper == u"FIRST" ? array->front() : array->back();
            }
            QList<Series> out;
            if (upper == u"REMOVE_EMPTY") {
                for (const Series &series : *array) {
                    if (!series.isEmpty())
                        out.append(series);
                }
                return out;
            }
            const auto *from = std::get_if<double>(&arguments.at(1));
            const auto *to = std::get_if<double>(&arguments.at(2));
            if (!from || !to || *from < 0 || *to < *from)
                return fail(u"ValidationError"_s, u"SLICE expects a start and an end index"_s);
            for (qsizetype i = qsizetype(*from); i < std::min(array->size(), qsizetype(*to)); ++i)
                out.append(array->at(i));
            return out;
        }
        if (upper == u"SUM" || upper == u"AVG" || upper == u"MIN" || upper == u"MAX") {
            if (auto ok = arity(1, 1); !ok)
                return std::unexpected(ok.error());
            return reduce(arguments.front(), upper);
        }
        if (upper == u"ABS") {
            if (auto ok = arity(1, 1); !ok)
                return std::unexpected(ok.error());
            return combine(arguments.front(), 0.0, [](double a, double) { return std::fabs(a); });
        }
        // Functions of one series' points, each with the one before it.
        if (upper == u"RATE" || upper == u"DIFF" || upper == u"DIFF_TIME" || upper == u"RUNNING_SUM"
            || upper == u"DATAPOINT_COUNT") {
            if (auto ok = arity(1, 1); !ok)
                return std::unexpected(ok.error());
            const auto *series = std::get_if<Series>(&arguments.front());
            if (!series)
                return fail(u"ValidationError"_s, u"%1 expects a time series"_s.arg(upper));
            if (upper == u"DATAPOINT_COUNT")
                return double(series->size());
            Series out;
            double sum = 0;
            for (auto it = series->cbegin(); it != series->cend(); ++it) {
                sum += it.value();
                if (upper == u"RUNNING_SUM") {
                    out.insert(it.key(), sum);
                    continue;
                }
                if (it == series->cbegin())
                    continue;
                const auto previous = std::prev(it);
                const double seconds = double(it.key() - previous.key()) / 1000.0;
                const double difference = it.value() - previous.value();
                out.insert(it.key(),
                    upper == u"RATE"       ? difference / seconds
                        : upper == u"DIFF" ? difference
                                           : seconds);
            }
            return out;
        }
        if (upper == u"IF") {
            if (auto ok = arity(2, 3); !ok)
                return std::unexpected(ok.error());
            return conditional(arguments);
        }
        if (upper == u"FILL") {
            if (auto ok = arity(2, 2); !ok)
                return std::unexpected(ok.error());
            return fill(arguments.at(0), arguments.at(1));
        }
        if (upper == u"REPEAT" || upper == u"LINEAR")
            return fail(u"ValidationError"_s,
                u"%1 is only valid as the second argument of FILL"_s.arg(upper));
        return fail(u"ValidationError"_s, u"Unrecognized function %1"_s.arg(name));
    }

    static double at(const Value &value, qint64 timestamp, bool *present)
    {
        if (const auto *scalar = std::get_if<double>(&value)) {
            *present = true;
            return *scalar;
        }
        const Series &series = std::get<Series>(value);
        const auto found = series.constFind(timestamp);
        *present = found != series.cend();
        return *present ? found.value() : 0;
    }

    Result<Value> conditional(const QList<Value> &arguments)
    {
        for (const Value &argument : arguments) {
            if (std::holds_alternative<QList<Series>>(argument))
                return fail(u"ValidationError"_s, u"IF does not take arrays of time series"_s);
        }
        const Value &condition = arguments.at(0);
        if (const auto *scalar = std::get_if<double>(&condition))
            return *scalar != 0 ? arguments.at(1)
                                : (arguments.size() > 2 ? arguments.at(2) : Value(Series()));
        Series out;
        const Series &series = std::get<Series>(condition);
        for (auto it = series.cbegin(); it != series.cend(); ++it) {
            bool present = false;
            if (it.value() != 0) {
                const double chosen = at(arguments.at(1), it.key(), &present);
                if (present)
                    out.insert(it.key(), chosen);
            } else if (arguments.size() > 2) {
                const double chosen = at(arguments.at(2), it.key(), &present);
                if (present)
                    out.insert(it.key(), chosen);
            }
        }
        return out;
    }

    Result<Value> fill(const Value &target, const Value &with)
    {
        const auto *series = std::get_if<Series>(&target);
        if (!series)
            return fail(u"ValidationError"_s, u"FILL expects a time series"_s);
        const QString mode = m_tokens.at(m_position - 2).text.toUpper();
        Series out = *series;
        std::optional<double> last;
        for (qint64 timestamp : m_context.grid) {
            if (const auto found = series->constFind(timestamp); found != series->cend()) {
                last = found.value();
                continue;
            }
            if (mode == u"REPEAT") {
                if (last)
                    out.insert(timestamp, *last);
            } else if (mode == u"LINEAR") {
                const auto after = series->lowerBound(timestamp);
                if (after != series->cend() && after != series->cbegin()) {
                    const auto before = std::prev(after);
                    const double fraction =
                        double(timestamp - before.key()) / double(after.key() - before.key());
                    out.insert(
                        timestamp, before.value() + fraction * (after.value() - before.value()));
                }
            } else {
                bool present = false;
                const double value = at(with, timestamp, &present);
                if (present)
                    out.insert(timestamp, value);
            }
        }
        return out;
    }

    QList<Token> m_tokens;
    QStringList m_searchLabels; // of the last SEARCH()
    const Context &m_context;
    qsizetype m_position = 0;
};

} // namespace

Result<Value> evaluate(const QString &expression, const Context &context, QStringList *labels)
{
    // The model's MetricExpression: at most 2048 characters.
    if (expression.size() > 2048)
        return fail(u"ValidationError"_s,
            u"The expression is %1 characters long; the maximum is 2048."_s.arg(expression.size()));
    QString error;
    QList<Token> tokens = tokenize(expression, &error);
    if (!error.isEmpty())
        return fail(u"ValidationError"_s, error);
    // REPEAT and LINEAR stand for themselves inside FILL(); give them a placeholder value.
    Context withKeywords = context;
    withKeywords.series.insert(u"REPEAT"_s, Series());
    withKeywords.series.insert(u"LINEAR"_s, Series());
    Parser parser(std::move(tokens), withKeywords);
    auto value = parser.parseAll();
    if (labels && value) {
        const auto *array = std::get_if<QList<Series>>(&*value);
        *labels = array && array->size() == parser.searchLabels().size() ? parser.searchLabels()
                                                                         : QStringList();
    }
    return value;
}

QString anomalyDetectionBandSource(const QString &expression)
{
    QString error;
    const QList<Token> tokens = tokenize(expression, &error);
    if (!error.isEmpty() || tokens.size() < 4
        || tokens.at(0).text.toUpper() != u"ANOMALY_DETECTION_BAND" || tokens.at(1).text != u"("
        || tokens.at(2).kind != Token::Name)
        return {};
    return tokens.at(2).text;
}

QStringList references(const QString &expression)
{
    QString error;
    const QList<Token> tokens = tokenize(expression, &error);
    QStringList names;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token &token = tokens.at(i);
        // Query Ids start with a lowercase letter; keywords (AND, REPEAT, DESC ...) do not.
        if (token.kind != Token::Name || !token.text.front().isLower())
            continue;
        const bool isCall = i + 1 < tokens.size() && tokens.at(i + 1).text == u"(";
        if (token.kind == Token::Name && !isCall && token.text != u"AND" && token.text != u"OR"
            && token.text != u"REPEAT" && token.text != u"LINEAR" && !names.contains(token.text))
            names.append(token.text);
    }
    return names;
}

} // namespace Core::CloudWatch::MetricMath
