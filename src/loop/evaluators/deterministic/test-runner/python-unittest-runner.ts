// The Python script that runs unittest and writes one JSON line per test, so results are read, not scraped.

/**
 * The file name the runner script is written under (in a directory of its own, outside the repository copy).
 *
 * @example
 * ```ts
 * await writeFile(join(runnerDirectory, PYTHON_UNITTEST_RUNNER_FILE), PYTHON_UNITTEST_RUNNER);
 * ```
 */
export const PYTHON_UNITTEST_RUNNER_FILE = 'loopgym_unittest_runner.py';

/**
 * A Python 3 script: `python3 runner.py RESULTS_FILE [unittest arguments]`, run with the repository as its working
 * directory. It loads tests as `python -m unittest [arguments]` would (`discover` with `-s`/`-p`/`-t`, test names or
 * `.py` files, `-k` patterns; other flags are ignored), then writes JSON lines to RESULTS_FILE as it goes: first
 * `{"event": "plan", "tests": [ids]}`, then `{"event": "result", "id", "status", "message", "kind"}` per outcome
 * (status `passed`, `failed`, `error` or `skipped`; kind `syntax_error`, `memory_error`, `import` or `fixture` when it
 * applies), then `{"event": "done"}`. Messages are the first line of the assertion message (or `Type: message` for
 * errors), with the working directory removed from paths.
 *
 * @example
 * ```ts
 * await writeFile(join(runnerDirectory, PYTHON_UNITTEST_RUNNER_FILE), PYTHON_UNITTEST_RUNNER);
 * ```
 */
export const PYTHON_UNITTEST_RUNNER = String.raw`"""Runs unittest and reports each test as a JSON line (written by LoopGym's test_pass_rate evaluator)."""
import json
import os
import re
import sys
import traceback
import unittest

RESULTS_PATH = sys.argv[1]
ARGUMENTS = sys.argv[2:]
WORKING_DIRECTORY = os.getcwd()
RUNNER_DIRECTORY = os.path.dirname(os.path.abspath(__file__))
sys.path = [WORKING_DIRECTORY] + [p for p in sys.path if os.path.abspath(p or '.') != RUNNER_DIRECTORY]
sys.argv = ['python -m unittest'] + ARGUMENTS
SYNTAX_ERRORS = ('SyntaxError', 'IndentationError', 'TabError')
FILE_LINE = re.compile(r'File "([^"]+)", line (\d+)')

results_file = open(RESULTS_PATH, 'w', encoding='utf-8')


def emit(record):
    results_file.write(json.dumps(record, sort_keys=True) + '\n')
    results_file.flush()


def relative(text):
    return text.replace(WORKING_DIRECTORY + os.sep, '').replace(WORKING_DIRECTORY, '.')


def inside(path):
    return os.path.abspath(path).startswith(WORKING_DIRECTORY + os.sep)


def first_line(text):
    for line in str(text).splitlines():
        if line.strip():
            return line.strip()
    return ''


def describe_traceback_text(text):
    """The last line of a formatted traceback (the exception) and where it happened."""
    lines = [line for line in text.splitlines() if line.strip()]
    last = lines[-1].strip() if lines else ''
    places = [(path, line) for path, line in FILE_LINE.findall(text) if inside(path)]
    where = ''
    if places:
        path, line = places[-1]
        where = ' (%s:%s)' % (relative(path), line)
    kind = None
    if last.split(':')[0] in SYNTAX_ERRORS:
        kind = 'syntax_error'
    elif last.startswith('MemoryError'):
        kind = 'memory_error'
    return relative(last) + where, kind


def describe_error(error, is_failure):
    exception_type, value, _ = error
    name = exception_type.__name__
    if issubclass(exception_type, SyntaxError):
        where = ''
        if getattr(value, 'filename', None) and inside(str(value.filename)):
            where = ' (%s:%s)' % (relative(str(value.filename)), value.lineno)
        return '%s: %s%s' % (name, getattr(value, 'msg', '') or first_line(value), where), 'syntax_error'
    if issubclass(exception_type, MemoryError):
        return 'MemoryError', 'memory_error'
    text = str(value)
    if 'Traceback (most recent call last)' in text or text.startswith('Failed to import'):
        message, kind = describe_traceback_text(text)
        return message, kind or 'import'
    line = relative(first_line(text))
    if is_failure:
        return line or name, None
    return ('%s: %s' % (name, line)) if line else name, None


def test_id(test):
    if test.__class__.__name__ == '_FailedTest':
        return test._testMethodName
    if isinstance(test, unittest.TestCase):
        return test.id()
    return str(getattr(test, 'description', test))


class JsonLinesResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.failed_ids = set()

    def report(self, test, status, error=None, is_failure=False, fixture=False):
        record = {'event': 'result', 'id': test_id(test), 'status': status}
        if error is not None:
            message, kind = describe_error(error, is_failure)
            record['message'] = message
            if kind is not None:
                record['kind'] = kind
            elif fixture:
                record['kind'] = 'fixture'
        if status in ('failed', 'error'):
            self.failed_ids.add(record['id'])
        emit(record)

    def addSuccess(self, test):
        if test_id(test) not in self.failed_ids:
            self.report(test, 'passed')

    def addFailure(self, test, error):
        self.report(test, 'failed', error, is_failure=True)

    def addError(self, test, error):
        fixture = not isinstance(test, unittest.TestCase)
        self.report(test, 'error', error, fixture=fixture)

    def addSkip(self, test, reason):
        emit({'event': 'result', 'id': test_id(test), 'status': 'skipped', 'message': str(reason)})

    def addExpectedFailure(self, test, error):
        self.report(test, 'passed')

    def addUnexpectedSuccess(self, test):
        emit({'event': 'result', 'id': test_id(test), 'status': 'failed', 'message': 'unexpected success'})
        self.failed_ids.add(test_id(test))

    def addSubTest(self, test, subtest, error):
        if error is not None:
            is_failure = issubclass(error[0], test.failureException)
            self.report(test, 'failed' if is_failure else 'error', error, is_failure=is_failure)


class LoadFailure(unittest.TestCase):
    """Stands for a test name that could not be loaded (e.g. its module does not compile)."""

    def __init__(self, name, error_text):
        super().__init__('runTest')
        self.name = name
        self.error_text = error_text

    def id(self):
        return self.name

    def runTest(self):
        raise ImportError('Failed to import test module: %s\n%s' % (self.name, self.error_text))


def module_name(argument):
    if argument.endswith('.py') and os.path.isfile(argument):
        path = os.path.normpath(argument)[:-3]
        return path.replace(os.sep, '.')
    return argument


def build_suite(arguments):
    loader = unittest.TestLoader()
    discover = bool(arguments) and arguments[0] == 'discover'
    if discover:
        arguments = arguments[1:]
    names, patterns = [], []
    start, pattern, top = '.', 'test*.py', None
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        value = arguments[index + 1] if index + 1 < len(arguments) else None
        if argument == '-k' and value is not None:
            patterns.append(value if '*' in value else '*%s*' % value)
            index += 2
        elif argument in ('-s', '--start-directory') and value is not None:
            start = value
            index += 2
        elif argument in ('-p', '--pattern') and value is not None:
            pattern = value
            index += 2
        elif argument in ('-t', '--top-level-directory') and value is not None:
            top = value
            index += 2
        elif argument == '--durations':
            index += 2
        elif argument.startswith('-'):
            index += 1
        else:
            names.append(argument)
            index += 1
    if patterns:
        loader.testNamePatterns = patterns
    if discover or not names:
        for position, value in enumerate(names[:3]):
            if position == 0:
                start = value
            elif position == 1:
                pattern = value
            else:
                top = value
        return loader.discover(start, pattern, top)
    suite = unittest.TestSuite()
    for name in names:
        try:
            suite.addTest(loader.loadTestsFromName(module_name(name)))
        except Exception:
            suite.addTest(LoadFailure(name, traceback.format_exc()))
    return suite


def flatten(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from flatten(item)
        else:
            yield item


def main():
    try:
        suite = build_suite(ARGUMENTS)
    except BaseException:
        suite = unittest.TestSuite([LoadFailure('(test discovery)', traceback.format_exc())])
    emit({'event': 'plan', 'tests': [test_id(test) for test in flatten(suite)]})
    result = JsonLinesResult()
    suite.run(result)
    emit({'event': 'done'})
    results_file.close()


main()
`;
