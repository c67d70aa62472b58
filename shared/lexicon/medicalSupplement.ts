/**
 * Clinical-abstract vocabulary that CC-CEDICT, a general dictionary, lacks or ranks too low for
 * the aligner to find: study design, statistics, and a few acronyms Chinese MT spells out.
 * Keys are stems as `stemEnglish` makes them; values are Chinese words joined by "|".
 */
import { stemEnglish } from './englishWords.ts';

const ENTRIES: Readonly<Record<string, string>> = {
  randomized: '随机|随机化|随机分组', randomised: '随机|随机化|随机分组', trial: '试验', cohort: '队列',
  placebo: '安慰剂', efficacy: '疗效|有效性', safety: '安全性', outcome: '结局|结果|预后', endpoint: '终点',
  significant: '显著|明显|有统计学意义', significantly: '显著|明显', incidence: '发生率|发病率', prevalence: '患病率|流行率',
  mortality: '死亡率|病死率', morbidity: '发病率', risk: '风险|危险', hazard: '风险|危险', ratio: '比|比值|比率',
  interval: '区间|间隔', confidence: '置信|信心', odds: '比值比|优势比', adverse: '不良', event: '事件',
  patient: '患者|病人', participant: '参与者|受试者', subject: '受试者|对象', enrolled: '纳入|入组', enroll: '纳入|入组',
  baseline: '基线', follow: '随访', median: '中位|中位数', mean: '平均|均值', versus: '与|相比', compared: '相比|比较',
  association: '关联|相关', associated: '相关|有关', review: '综述|回顾', synthesis: '综合|合成', literature: '文献',
  therapy: '疗法|治疗', treatment: '治疗|疗法', assisted: '辅助', clinical: '临床', psychedelic: '迷幻',
  neurorehabilitation: '神经康复', rehabilitation: '康复', therapeutic: '治疗', therapist: '治疗师',
  ptsd: '创伤后应激障碍', mdma: '摇头丸|亚甲二氧基甲基苯丙胺', hiv: '艾滋病', covid: '新冠|新型冠状病毒',
  cancer: '癌|肿瘤', tumor: '肿瘤', tumour: '肿瘤', surgery: '手术', surgical: '手术|外科', dose: '剂量',
  disease: '疾病|病', disorder: '障碍|疾病', symptom: '症状', diagnosis: '诊断', chronic: '慢性', acute: '急性',
  military: '军事|军人|军队', population: '人群|人口', personnel: '人员|军人', institution: '机构',
  characteristic: '特征|特点|特性', property: '特性|性质', mechanism: '机制', molecular: '分子', novel: '新|新型',
  application: '应用', engagement: '参与|参与度', alliance: '联盟', outcomes: '结局|结果', flexibility: '灵活性',
  cognitive: '认知', enhance: '增强|提高', leverage: '利用', potentially: '可能|有可能',
};

/** The supplement keyed by stem, ready for `lexiconFromIndex`. */
export const medicalSupplement: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ENTRIES).map(([word, zh]) => [stemEnglish(word), zh]),
);
