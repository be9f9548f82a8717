package com.securemailmerge.product.driver;

/** What the driver does in the product; ends with the workbench closed or restarted. */
interface Script {

	void run(Ui ui, Steps steps) throws Exception;
}
