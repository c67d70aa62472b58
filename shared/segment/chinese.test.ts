import { describe, expect, it } from 'vitest';
import { segmentChinese } from './chinese.ts';

const texts = (input: string, semicolons = true) => segmentChinese(input, { semicolons }).map((s) => s.text);

describe('segmentChinese', () => {
  it.each([
    ['full stops', '患者好转。对照组没有。', ['患者好转。', '对照组没有。']],
    ['question and exclamation marks', '有效吗？有效！', ['有效吗？', '有效！']],
    ['semicolons', '贫血率为29.1%；铁缺乏率为45.4%。', ['贫血率为29.1%；', '铁缺乏率为45.4%。']],
    ['ellipsis', '结果如下……随后讨论。', ['结果如下……', '随后讨论。']],
    ['closing quotes stay with the sentence', '他说：“停止。”然后离开。', ['他说：“停止。”', '然后离开。']],
    ['closing brackets stay with the sentence', '（见图2。）结论如下。', ['（见图2。）', '结论如下。']],
    ['half-width punctuation from machine translation', '背景:由于发生率较高,康复变得复杂.这些因素有影响.', ['背景:由于发生率较高,康复变得复杂.', '这些因素有影响.']],
    ['decimals and P values are not stops', '均值为2.5 mg,P<.05。', ['均值为2.5 mg,P<.05。']],
    ['embedded English keeps its full stops', '作者(Smith et al.)发现MDMA有效。它安全。', ['作者(Smith et al.)发现MDMA有效。', '它安全。']],
    ['semicolons inside brackets separate list items, not sentences', '评分下降（D14，P = 0.03；D28，P = 0.04）。随后稳定。', ['评分下降（D14，P = 0.03；D28，P = 0.04）。', '随后稳定。']],
    ['half-width question mark inside English', '问题是"does it work?"而非其他。', ['问题是"does it work?"而非其他。']],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('can leave semicolons alone', () => {
    expect(texts('甲；乙。', false)).toEqual(['甲；乙。']);
  });

  it('cuts at extra positions, such as recovered section seams', () => {
    const input = '增强治疗联盟:在军事人群中进行了综述。';
    expect(segmentChinese(input, { cuts: [input.indexOf('在')] }).map((s) => s.text)).toEqual(['增强治疗联盟:', '在军事人群中进行了综述。']);
  });

  it('keeps offsets into the input', () => {
    const input = ' 第一句。 第二句！第三句';
    const spans = segmentChinese(input);
    expect(spans.map((s) => s.text)).toEqual(['第一句。', '第二句！', '第三句']);
    for (const span of spans) expect(input.slice(span.start, span.end)).toBe(span.text);
  });
});
