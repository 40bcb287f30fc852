// Injection signals about what a text says: override earlier instructions, reveal the system prompt, drop the
// rules, send data out, imitate role markers, speak to the model that reads it.
import { regexSignal, signalMatches, type InjectionSignal } from './injection-signal.js';

/** A negation just before a phrase (`do not ignore the rules`) turns it into advice. */
const NEGATION_BEFORE = /\b(?:do not|don't|never|not|won't|cannot|can't|shouldn't|must not)\s+$/i;

const IGNORE_INSTRUCTIONS = new RegExp(
  [
    // ignore / disregard … previous … instructions
    String.raw`\b(?:ignore|disregard|forget|override|bypass|abandon|discard|skip|overlook)\b[^.\n]{0,40}?\b(?:previous|prior|above|earlier|preceding|foregoing|all|any|your|system|original|initial|these|those|other)\b[^.\n]{0,30}?\b(?:instructions?|prompts?|rules|directions|directives|guidelines|guardrails|constraints|commands|programming|restrictions)\b`,
    // ignore what you were told / ignore the user's request
    String.raw`\b(?:ignore|disregard|forget|overlook)\b (?:everything |anything |all |what )?(?:you (?:were|have been) (?:told|given)|(?:you )?(?:have )?(?:read|seen) (?:above|before|so far))`,
    String.raw`\b(?:ignore|disregard)\b (?:the |what the )?(?:user|human|person)(?:'s)?\b`,
  ].join('|'),
  'gi',
);

const DISABLE_SAFETY =
  /\b(?:disable|turn off|deactivate|switch off|lift|suspend|bypass)\b[^.\n]{0,20}?\b(?:safety|content|ethical|moderation)\s+(?:guidelines|filters|guardrails|restrictions|safeguards|rules|policies|checks)\b/gi;

const SECRET_NOUN = String.raw`(?:\b(?:api[ _-]?keys?|credentials?|secrets?|passwords?(?! reset)|tokens?|system prompt|conversation(?: history)?|chat history|env(?:ironment)? variables|private keys?|ssh keys?|cookies|session data)\b|\.env\b)`;
const DESTINATION = String.raw`(?:https?:\/\/|[\w.-]+@[\w-]+\.\w|\b(?:webhook|endpoint|attacker|external|remote|my server|(?:this|that|the following) (?:url|link|address|server)|(?:web )?requests?|query|url)\b)`;
const TOOL_EXFILTRATION = new RegExp(
  String.raw`\b(?:send|post|upload|forward|e-?mail|exfiltrate|transmit|leak|submit|append|encode|paste)\b[^.\n]{0,60}?${SECRET_NOUN}[^.\n]{0,60}?\b(?:to|into|at|via|in)\b[^.\n]{0,30}?${DESTINATION}`,
  'gi',
);

const REVEAL_SYSTEM_PROMPT = new RegExp(
  [
    String.raw`\b(?:reveal|show|print|repeat|output|display|leak|dump|disclose|tell me|give me|share|write out|recite|what (?:is|are|were))\b[^.\n]{0,30}?\b(?:your|the|its|initial|hidden|original|secret)\s+(?:(?:full|entire|exact|complete|original|initial|hidden|secret)\s+)?(?:system (?:prompt|message|instructions)|developer (?:message|prompt)|hidden (?:prompt|instructions)|(?:initial|original|confidential|secret) (?:prompt|instructions)|instructions (?:above|you (?:were given|got|received))|pre-?prompt)\b`,
    String.raw`\b(?:contents? of|everything in) your (?:context window|context|memory|instructions|system prompt)\b`,
  ].join('|'),
  'gi',
);

const JAILBREAK_ROLEPLAY =
  /\b(?:do anything now|developer mode (?:enabled|on|activated)|jailbreak mode|unfiltered (?:mode|ai|assistant|model)|evil (?:mode|assistant|confidant)|(?:no|without any|without|free (?:of|from)|unbound by)\s+(?:ethical |moral |content |safety )?(?:restrictions|limitations|filters|censorship|guidelines|guardrails)\b(?=[^.\n]{0,40}\b(?:you|answer|respond|reply)\b)|(?:pretend|imagine|act as if|role-?play as|you will play)\b[^.\n]{0,80}\b(?:no|without|free of|unbound by|not bound by)\b[^.\n]{0,20}\b(?:rules|restrictions|limits|filters|guidelines|ethics|policies))/gi;

const ROLE_DELIMITER =
  /<\|(?:im_start|im_end|system|endoftext|start_header_id|eot_id)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?system>|^\s*(?:###\s*|\[)(?:system|admin|developer)(?: message| prompt| override| note)?\]?\s*:|\bBEGIN (?:SYSTEM|NEW|ADMIN) (?:PROMPT|INSTRUCTIONS|MESSAGE)\b/gim;

const ADDRESSES_THE_MODEL =
  /\bif you are an? (?:AI|assistant|language model|LLM|bot|agent|chatbot)\b|\b(?:AI|assistant|LLM|language model|agent|chatbot)s? (?:reading|processing|summari[sz]ing|parsing|browsing|viewing) this\b|\bnote to (?:the )?(?:AI|assistant|LLM|model|agent)\b/gi;

const PERSONA_OVERRIDE =
  /\byou are now\b(?! (?:ready|able|logged|connected|signed|set up|done|finished|in the|on the|viewing|subscribed|registered|enrolled|free to|going|at|an? (?:member|admin(?:istrator)? of|owner|subscriber|part|expert on))\b)|\bfrom now on,? you (?:are|will|must|shall|should|only)\b|\b(?:act|behave|respond) as (?:if you (?:were|are|had)|an? (?:unrestricted|unfiltered|uncensored|different|new|evil))\b/gi;

/** The signals about what a text says, strongest first. */
export const PHRASE_SIGNALS: readonly InjectionSignal[] = [
  {
    name: 'ignore_instructions',
    weight: 0.8,
    description: 'asks to ignore or override earlier instructions',
    find: (text) =>
      signalMatches(
        IGNORE_INSTRUCTIONS,
        text,
        (_, start) => !NEGATION_BEFORE.test(text.slice(Math.max(0, start - 12), start)),
      ),
  },
  regexSignal(
    'tool_exfiltration',
    0.75,
    'asks to send secrets or conversation data somewhere',
    TOOL_EXFILTRATION,
  ),
  regexSignal(
    'reveal_system_prompt',
    0.75,
    'asks to reveal the system prompt or hidden context',
    REVEAL_SYSTEM_PROMPT,
  ),
  regexSignal('disable_safety', 0.75, 'asks to turn safety rules off', DISABLE_SAFETY),
  regexSignal(
    'shell_exfiltration',
    0.75,
    'sends local secrets or files out with curl, wget or netcat',
    /\b(?:curl|wget|nc|netcat)\b[^\n]{0,160}?(?:\$\{?\w*(?:KEY|TOKEN|SECRET|PASSWORD)\w*\}?|\/etc\/(?:passwd|shadow)|~\/\.(?:ssh|aws)|\.env\b)/gi,
  ),
  regexSignal(
    'jailbreak_roleplay',
    0.72,
    'uses a known jailbreak or unrestricted role-play',
    JAILBREAK_ROLEPLAY,
  ),
  regexSignal('role_delimiter', 0.72, 'imitates a chat-format role marker', ROLE_DELIMITER),
  regexSignal(
    'addresses_the_model',
    0.72,
    'speaks to the model that reads the document',
    ADDRESSES_THE_MODEL,
  ),
  regexSignal(
    'secrecy_request',
    0.5,
    'asks to hide what it does from the user',
    /\b(?:do not|don't|never) (?:tell|inform|alert|notify|let) (?:the )?(?:user|human|anyone|operator)\b|\bwithout (?:telling|informing|alerting|notifying) (?:the )?(?:user|human|anyone|operator)\b|\bkeep this (?:secret|hidden|between us)\b|\bnever mention this\b/gi,
  ),
  regexSignal('persona_override', 0.45, 'tries to give the model a new identity or rules', PERSONA_OVERRIDE),
  regexSignal(
    'pipe_to_shell',
    0.45,
    'pipes a download straight into a shell',
    /\b(?:curl|wget)\b[^\n|]{0,160}\|\s*(?:sudo\s+)?(?:ba|z)?sh\b/gi,
  ),
  regexSignal(
    'tool_invocation_request',
    0.45,
    'asks the model to call a tool to move or destroy data',
    /\b(?:call|use|invoke|run|trigger)\b (?:the )?[\w.-]+ (?:tool|function|plugin)\b[^.\n]{0,60}?\b(?:send|post|upload|email|transfer|delete|wipe|forward)\b/gi,
  ),
  regexSignal(
    'jailbreak_name',
    0.4,
    'names a known jailbreak persona',
    /\bDAN\b|\bSTAN\b|\bAIM\b(?= (?:stands|is an))/g,
  ),
  regexSignal(
    'instruction_override',
    0.35,
    'announces new instructions',
    /\b(?:new|updated|real|actual|revised|true|secret) (?:instructions?|directives?|system prompt|orders)\s*(?::|are\b|follow\b)/gi,
  ),
  regexSignal(
    'authority_claim',
    0.3,
    'claims authority over the model',
    /\b(?:admin(?:istrator)? override|system override|sudo mode|god mode|maintenance mode|priority override|emergency override|this is (?:your|the) (?:developer|administrator|creator|owner|system administrator)|(?:message|note|instructions?) from (?:the|your) (?:developer|administrator|system|openai|anthropic))\b/gi,
  ),
];
