// The model a local model server answers with by default: a simulated model that also calls tools and fills schemas.
import { SimLanguageModel } from '../../backends/sim/sim-language-model.js';
import { countSimTokens, simUsage } from '../../backends/sim/sim-profile.js';
import { deriveSeed } from '../../loop/derive-seed.js';
import {
  streamFromResult,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type ModelToolCall,
  type ModelToolDefinition,
  type StreamPart,
} from '../../models/language-model.js';
import { exampleFromSchema } from './example-from-schema.js';
import { toolChoiceOf } from './server-call.js';

function lastUserText(options: GenerateOptions): string {
  return [...options.messages].reverse().find((message) => message.role === 'user')?.content ?? '';
}

function chooseTool(
  options: GenerateOptions,
  tools: readonly ModelToolDefinition[],
): ModelToolDefinition | undefined {
  const last = options.messages[options.messages.length - 1];
  if (last?.role !== 'user') return undefined;
  const choice = toolChoiceOf(options);
  if (typeof choice === 'object') return tools.find((tool) => tool.name === choice.name);
  const mentioned = tools.find((tool) => last.content.includes(tool.name));
  return mentioned ?? (choice === 'required' ? tools[0] : undefined);
}

/**
 * A {@link SimLanguageModel} with the habits a server needs to exercise tool calls and structured output, all
 * deterministic:
 * - when tools are offered and the last message is the user's, it calls the tool the `tool_choice` names, else the
 *   first tool whose name the user's message mentions, else (with `tool_choice: required`) the first tool; the
 *   arguments fit the tool's schema ({@link exampleFromSchema}, strings taken from the user's message);
 * - right after tool results, it answers with their contents;
 * - with a JSON schema response format, it answers with a value that fits the schema;
 * - otherwise it answers as the simulated model does (an echo of the user's message; `{"answer": …}` in JSON mode).
 *
 * @example
 * ```ts
 * const model = new ServerSimModel('gpt-4.1-mini');
 * const { toolCalls } = await model.doGenerate({ messages: [{ role: 'user', content: 'Use get_weather for Paris' }], tools });
 * ```
 */
export class ServerSimModel implements LanguageModel {
  readonly specificationVersion = 'loopgym-model-1' as const;
  readonly provider = 'sim';
  readonly modelName: string;
  private readonly sim: SimLanguageModel;

  constructor(modelName: string) {
    this.modelName = modelName;
    this.sim = new SimLanguageModel(modelName);
  }

  doStream(options: GenerateOptions): AsyncIterable<StreamPart> {
    return streamFromResult(this.doGenerate(options));
  }

  async doGenerate(options: GenerateOptions): Promise<GenerateResult> {
    const simResult = await this.sim.doGenerate({ ...options, purpose: undefined });
    const tool = chooseTool(options, options.tools ?? []);
    if (tool !== undefined) {
      const seed = deriveSeed(options.seed ?? 0, JSON.stringify(options.messages));
      const toolCall: ModelToolCall = {
        id: `call_${seed.toString(36)}`,
        name: tool.name,
        arguments: exampleFromSchema(tool.parameters, lastUserText(options)) as Record<string, unknown>,
      };
      const answer = JSON.stringify(toolCall.arguments);
      return {
        ...simResult,
        text: '',
        toolCalls: [toolCall],
        finishReason: 'tool-calls',
        usage: simUsage(options.messages, answer),
      };
    }
    const results: string[] = [];
    for (let index = options.messages.length - 1; index >= 0; index--) {
      const message = options.messages[index]!;
      if (message.role !== 'tool') break;
      results.unshift(message.content);
    }
    const format = options.responseFormat;
    let text = simResult.text;
    if (format?.type === 'json' && format.schema !== undefined) {
      text = JSON.stringify(exampleFromSchema(format.schema, results.join('\n') || lastUserText(options)));
    } else if (results.length > 0) {
      text =
        format?.type === 'json'
          ? JSON.stringify({ answer: results.join('\n') })
          : results.join('\n').slice(0, 400);
    } else {
      return simResult;
    }
    return { ...simResult, text, usage: { ...simResult.usage, outputTokens: countSimTokens(text) } };
  }
}
