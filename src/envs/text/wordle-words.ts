/**
 * The words of `text/wordle-v0`, both secrets and allowed guesses: common five-letter English words, written for
 * LoopGym (not taken from any published list), lowercase, sorted, without repeats.
 *
 * @example
 * ```ts
 * WORDLE_WORDS.includes('plant'); // true
 * ```
 */
export const WORDLE_WORDS: readonly string[] = `
about above actor acute adult after again agent agree ahead alarm album alert alike alive allow alone along alter
among angel anger angle angry apple apply arena argue arise armor arrow aside asset audio avoid awake award aware
badge basic beach beard beast begin being below bench birth black blade blame blank blast blend blind block blood
board boast bonus boost booth brain brand brave bread break brick bride brief bring broad brown brush build built
bunch burst buyer cabin cable camel candy canoe cargo carry catch cause chain chair chalk charm chart chase cheap
check chess chest chief child chill china choir civil claim class clean clear clerk click cliff climb clock close
cloth cloud coach coast color couch count court cover crack craft crane crash cream crime crisp cross crowd crown
curve cycle daily dance dealt death debut delay depth diary dirty dodge doubt dough draft drain drama drawn dream
dress drift drink drive eager eagle early earth eight elbow elder empty enemy enjoy enter entry equal error essay
event every exact exist extra faint faith false fancy fault feast fence fever field fifth fifty fight final flame
flash fleet flesh float flock flood floor flour fluid focus force forge forth forty forum found frame fresh front
frost fruit funny ghost giant given glass globe glove grace grade grain grand grant grape grass grave great green
greet grief grill gross group grown guard guess guest guide habit happy harsh heart heavy hedge hello hobby honey
horse hotel house human humor hurry ideal image index inner input issue ivory jelly jewel joint judge juice knife
knock label labor large laser later laugh layer learn lease least leave legal lemon level light limit linen liver
local lodge logic loose lover lower loyal lucky lunch magic major maker maple march match mayor medal metal meter
might minor model money month moral motor mount mouse mouth movie music nerve never night noble noise north novel
nurse ocean offer often olive onion opera orbit order other outer owner paint panel paper party pasta patch pause
peace peach pearl pedal phase phone photo piano piece pilot pitch place plain plane plant plate point polar porch
pound power press price pride prime print prize proof proud prove queen quick quiet quite radio raise range rapid
ratio reach ready realm relax reply rider ridge rifle right rigid river roast robot rocky round route royal rural
salad sauce scale scene scope score scout screw sense serve seven shade shake shape share shark sharp sheep sheet
shelf shell shift shine shirt shock shoot shore short shout sight silly since skill skirt slate sleep slice slide
slope small smart smile smoke snack snake solid solve sound south space spare speak speed spell spend spice spine
split spoon sport spray squad stack staff stage stair stake stamp stand start state steam steel steep stick still
stock stone stool storm story stove straw strip stuck study style sugar suite sunny super swamp sweet swift sword
table taste teach thank theme thick thief thing think third thumb tiger tight title toast today tooth topic torch
total touch tough tower toxic track trade trail train treat trend trial tribe trick truck truly trust truth twice
uncle under union unity until upper upset urban usual valid value valve video visit vital vivid vocal voice waste
watch water wheat wheel where which while white whole width woman world worry worth would wound write wrong yield
young youth zebra
`
  .trim()
  .split(/\s+/);
