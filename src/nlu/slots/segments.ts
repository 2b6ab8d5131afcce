// The parts of a list-like message ("添加联系人 华为 王伟 采购总监 138…", "新客户：宁德时代，
// 新能源行业，A类") with the leading keyword removed.
const LEADING = /^(?:添加联系人|新增联系人|新联系人|加个联系人|录入联系人|联系人|新增客户|新增一个客户|新建客户|录入客户|添加客户|加个客户|新客户|add (?:a )?(?:new )?contact|new contact|new (?:customer|account|client)|add (?:a |an )?(?:new )?(?:customer|account|client))\s*[:：]?\s*/i;

// "Google 李想 Sales Director": adjacent English words stay one segment.
function joinEnglishRuns(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (last !== undefined && /^[A-Za-z][A-Za-z&.'-]*$/.test(token) && /[A-Za-z]$/.test(last) && !/[\u4e00-\u9fff\d]/.test(last)) {
      out[out.length - 1] = `${last} ${token}`;
    } else {
      out.push(token);
    }
  }
  return out;
}

export function segmentsOf(text: string): string[] {
  // Chinese lists are separated by spaces too; English names and titles contain spaces. A spaced
  // dash or bar separates too: "Northwind Traders - retail - tier C".
  return text
    .replace(LEADING, '')
    .split(/[,，、;；。:：]+|\s+[-–—|/]\s+|(?<=[\u4e00-\u9fff])\|(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])是(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])的(?=对接人|联系人|负责人)/)
    .flatMap((part) => (/[\u4e00-\u9fff]/.test(part) ? joinEnglishRuns(part.split(/\s+/)) : [part]))
    .map((s) => s.trim())
    .filter(Boolean);
}
